import { isForbiddenRequestHeader } from '../fetch/request-headers.js';
import { canonicalCorsHeaderName } from '../fetch/response-headers.js';
import type { Finding } from '../findings.js';
import type { ClientRequest } from '../policy/client-request.js';

/**
 * Headers client code sets for nothing: forbidden request headers, which browsers drop without an
 * error (Fetch §forbidden-request-header), and the server's `Access-Control-*` response headers,
 * which only make the request non-simple. Removing either keeps what the server receives, apart
 * from a preflight.
 */
export function checkForbiddenRequestHeader<H>(request: ClientRequest<H>): Finding<H>[] {
  return request.headers.writes.flatMap((write): Finding<H>[] => {
    if (isForbiddenRequestHeader(write.name, write.value)) {
      return [{ messageId: 'forbiddenHeader', data: { header: write.name }, at: write.at, fix: { kind: 'remove', at: write.at } }];
    }
    const responseHeader = canonicalCorsHeaderName(write.name);
    if (responseHeader !== undefined) {
      return [{ messageId: 'responseHeaderOnRequest', data: { header: responseHeader }, at: write.at, fix: { kind: 'remove', at: write.at } }];
    }
    return [];
  });
}
