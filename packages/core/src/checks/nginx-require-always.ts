import { asciiLowercase } from '../fetch/ascii.js';
import { parseHeaderList } from '../fetch/header-names.js';
import { ACAO } from '../fetch/response-headers.js';
import type { Finding } from '../findings.js';
import type { NginxHeaderWrite } from '../nginx/headers-module.js';
import { HEADERS_NEEDED_ON_ERRORS } from '../nginx/headers-module.js';

export interface RequireAlwaysContext {
  /** The write sits where only a 2xx answer is sent (an `if` that returns 204 to the preflight). */
  readonly onlySuccessAnswer: boolean;
}

/**
 * `add_header` without `always` is left off 4xx and 5xx responses (§C4): a 401 or 500 then reaches the
 * page as a CORS error, and the script never sees the status. Appending `always` keeps the origins the
 * header allows and only adds it to the error responses, so it is an autofix.
 */
export function checkAddHeaderAlways<H>(
  write: NginxHeaderWrite<H>,
  context: RequireAlwaysContext,
): Finding<H>[] {
  if (
    write.module !== 'add_header' ||
    write.always ||
    context.onlySuccessAnswer ||
    write.value === ''
  )
    return [];
  const name = asciiLowercase(write.name);
  if (!HEADERS_NEEDED_ON_ERRORS.has(name)) return [];
  // `Vary` matters here only when it carries Origin.
  if (
    name === 'vary' &&
    write.value !== undefined &&
    !parseHeaderList(write.value).items.some((item) => asciiLowercase(item) === 'origin')
  )
    return [];
  const messageId =
    name === asciiLowercase(ACAO) ? 'allowOriginWithoutAlways' : 'headerWithoutAlways';
  return [
    {
      messageId,
      data: { header: write.name },
      at: write.at,
      fix: { kind: 'add-always', at: write.at },
    },
  ];
}
