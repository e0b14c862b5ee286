/** Whether a request URL, as written in client code, leaves the app's own origins. */
import { serializeOrigin } from './origin.js';

const ABSOLUTE_HTTP_URL = /^(https?):\/\/([^/?#@]*@)?(\[[0-9a-f:.]+\]|[^/?#:@]+)(?::(\d*))?(?:[/?#]|$)/i;
const SCHEME_PREFIX = /^[a-z][a-z0-9+.-]*:/i;

/**
 * `true` for an absolute `http(s)` URL whose origin is not one of `appOrigins` (with no app origins
 * given, every absolute `http(s)` URL); `false` for a relative URL; `undefined` for anything else
 * (`data:`, `blob:`, a scheme-relative `//host` URL, text that does not reach the end of the host).
 */
export function isCrossOriginUrl(url: string, appOrigins: readonly string[] = []): boolean | undefined {
  const match = ABSOLUTE_HTTP_URL.exec(url);
  if (match) {
    if (appOrigins.length === 0) return true;
    const [, scheme = '', , host = '', port] = match;
    const origin = serializeOrigin({ scheme: scheme.toLowerCase(), host: host.toLowerCase(), port: port === '' ? undefined : port });
    return !appOrigins.includes(origin);
  }
  if (url.startsWith('//') || SCHEME_PREFIX.test(url)) return undefined;
  return false;
}
