import type { Finding } from '../findings.js';
import type { NginxLevel } from '../nginx/headers-module.js';
import {
  effectiveHeaders,
  isCorsResponseHeader,
  sendsAllowOrigin,
} from '../nginx/headers-module.js';

/** An `error_page` in effect where a response is made, and the level its URI is served from. */
export interface ErrorPageRedirect<H> {
  readonly at: H;
  readonly codes: string;
  readonly uri: string;
  /** The location the internal redirect lands in; undefined when it cannot be told. */
  readonly target: NginxLevel<H> | undefined;
}

/**
 * `error_page 404 /404.html` redirects internally: the error response is made by the location serving
 * `/404.html`, with that location's headers. `always` does not carry over (§C4, /t10/), so an error
 * from a location with CORS headers reaches the page as a CORS error when the target sends none.
 */
export function checkErrorPageDropsCors<H>(
  point: NginxLevel<H>,
  redirect: ErrorPageRedirect<H>,
): Finding<H>[] {
  const { target } = redirect;
  if (!target) return [];
  const here = effectiveHeaders(point);
  if (!sendsAllowOrigin(here.writes)) return [];
  const there = effectiveHeaders(target);
  if (!there.complete || sendsAllowOrigin(there.writes)) return [];
  // One line per header: a header written twice here is no-duplicate-allow-origin's business, not copied.
  const names = new Set<string>();
  const cors = [
    ...new Set(
      here.writes
        .filter(
          (write) =>
            isCorsResponseHeader(write.name) &&
            !names.has(write.name.toLowerCase()) &&
            names.add(write.name.toLowerCase()),
        )
        .map((write) => write.at),
    ),
  ];
  const first = target.addHeaders[0]?.at ?? target.at;
  return [
    {
      messageId: 'errorPageDropsCors',
      data: { codes: redirect.codes, uri: redirect.uri, target: target.label },
      at: redirect.at,
      suggestions: [
        {
          messageId: 'repeatInTarget',
          data: { target: target.label },
          fix: { kind: 'repeat-headers', at: first, headers: cors },
        },
      ],
    },
  ];
}
