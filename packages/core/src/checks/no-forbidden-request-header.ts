import { isForbiddenRequestHeader } from '../fetch/request-headers.js';
import { canonicalCorsHeaderName } from '../fetch/response-headers.js';
import type { Finding } from '../findings.js';
import type { ClientRequest } from '../policy/client-request.js';

/**
 * Headers client code sets for nothing: forbidden request headers, which browsers drop without an
 * error (Fetch §forbidden-request-header), and the server's `Access-Control-*` response headers,
 * which only make the request non-simple. Removing either keeps what the server receives, apart
 * from a preflight. The removal is also offered as a suggestion, the same intent: an adapter that
 * finds the removed value runs code (`{ Cookie: track() }`) withholds the autofix and keeps the
 * suggestion; otherwise it shows the autofix alone.
 */
export function checkForbiddenRequestHeader<H>(request: ClientRequest<H>): Finding<H>[] {
  return request.headers.writes.flatMap((write): Finding<H>[] => {
    const removal = { kind: 'remove', at: write.at } as const;
    if (isForbiddenRequestHeader(write.name, write.value)) {
      return [
        {
          messageId: 'forbiddenHeader',
          data: { header: write.name },
          at: write.at,
          fix: removal,
          suggestions: [
            { messageId: 'removeRequestHeader', data: { header: write.name }, fix: removal },
          ],
        },
      ];
    }
    const responseHeader = canonicalCorsHeaderName(write.name);
    if (responseHeader !== undefined) {
      return [
        {
          messageId: 'responseHeaderOnRequest',
          data: { header: responseHeader },
          at: write.at,
          fix: removal,
          suggestions: [
            { messageId: 'removeRequestHeader', data: { header: responseHeader }, fix: removal },
          ],
        },
      ];
    }
    return [];
  });
}
