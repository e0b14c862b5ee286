import type { Finding } from '../findings.js';
import { isCrossOriginUrl } from '../origin/request-target.js';
import type { ClientRequest } from '../policy/client-request.js';

export interface OpaqueResponseReadOptions {
  /** The app's own origins; none given means every absolute `http(s)` URL is cross-origin. */
  readonly appOrigins?: readonly string[];
}

// Fetch §concept-filtered-response-opaque, as script observes it: what each Response member gives.
const WHAT_SCRIPT_SEES: ReadonlyMap<string, string> = new Map([
  ['status', '0'],
  ['ok', 'false'],
  ['statusText', "''"],
  ['headers', 'an empty Headers object'],
  ['url', "''"],
  ['redirected', 'false'],
  ['body', 'null'],
  ['json', 'a promise rejected with a SyntaxError (the body is empty)'],
  ['text', "''"],
  ['blob', 'an empty Blob'],
  ['arrayBuffer', 'an empty ArrayBuffer'],
  ['bytes', 'an empty Uint8Array'],
  ['formData', 'a promise rejected with a TypeError'],
]);

/**
 * A cross-origin `no-cors` request resolves to an opaque response (Fetch §main-fetch): status 0,
 * no headers, a null body. Reads of those members see blanks, not what the server sent; `type`
 * ('opaque') is the one read that tells something, and other names are not Response members.
 */
export function checkOpaqueResponseRead<H>(
  request: ClientRequest<H>,
  options: OpaqueResponseReadOptions = {},
): Finding<H>[] {
  const { mode, url } = request;
  if (mode.kind !== 'known' || mode.value !== 'no-cors') return [];
  if (url.kind !== 'known' || isCrossOriginUrl(url.value, options.appOrigins) !== true) return [];
  const removeNoCors = { messageId: 'removeNoCors', fix: { kind: 'remove', at: mode.at } } as const;
  // ky checks `response.ok` before handing the response over: status 0 makes every such call reject.
  if (request.client === 'ky')
    return [{ messageId: 'kyRejectsOpaque', data: {}, at: mode.at, suggestions: [removeNoCors] }];
  return request.responseReads.flatMap((read): Finding<H>[] => {
    const sees = WHAT_SCRIPT_SEES.get(read.member);
    if (sees === undefined) return [];
    return [
      {
        messageId: 'opaqueResponseRead',
        data: { member: read.member, sees },
        at: read.at,
        suggestions: [removeNoCors],
      },
    ];
  });
}
