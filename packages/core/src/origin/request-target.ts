/** Whether a request URL, as written in client code, leaves the app's own origins. */
import { parseOrigin, serializeOrigin } from './origin.js';

const ABSOLUTE_HTTP_URL =
  /^(https?):\/\/([^/?#@]*@)?(\[[0-9a-f:.]+\]|[^/?#:@]+)(?::(\d*))?(?:[/?#]|$)/i;
const SCHEME_PREFIX = /^[a-z][a-z0-9+.-]*:/i;

/**
 * `true` for an absolute `http(s)` URL whose origin is not one of `appOrigins` (with no app origins
 * given, every absolute `http(s)` URL); `false` for a relative URL; `undefined` for anything else
 * (`data:`, `blob:`, a scheme-relative `//host` URL, text that does not reach the end of the host).
 */
export function isCrossOriginUrl(
  url: string,
  appOrigins: readonly string[] = [],
): boolean | undefined {
  const match = ABSOLUTE_HTTP_URL.exec(url);
  if (match) {
    if (appOrigins.length === 0) return true;
    const [, scheme = '', , host = '', port] = match;
    const origin = serializeOrigin({
      scheme: scheme.toLowerCase(),
      host: host.toLowerCase(),
      port: port === '' ? undefined : port,
    });
    return !appOrigins.includes(origin);
  }
  if (url.startsWith('//') || SCHEME_PREFIX.test(url)) return undefined;
  return false;
}

/**
 * An app origin as a user writes it in settings or on the command line, serialized as browsers send
 * `Origin`: a serialized origin as it is, or a URL that is just an origin (`https://App.example.com/`,
 * `https://app.example.com:443`); undefined for anything with a path, query, credentials or an opaque origin.
 */
export function toAppOrigin(text: string): string | undefined {
  const trimmed = text.trim();
  const parsed = parseOrigin(trimmed);
  if (parsed) return serializeOrigin(parsed);
  if (!URL.canParse(trimmed)) return undefined;
  const url = new URL(trimmed);
  const justAnOrigin =
    url.origin !== 'null' &&
    url.pathname === '/' &&
    url.search === '' &&
    url.hash === '' &&
    url.username === '' &&
    url.password === '';
  return justAnOrigin ? url.origin : undefined;
}
