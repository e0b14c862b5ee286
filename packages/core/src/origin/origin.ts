/** Serialized origins: `scheme "://" host [ ":" port ]` (Fetch §origin-header, HTML §ascii-serialisation-of-an-origin). */

export interface Origin {
  readonly scheme: string;
  readonly host: string;
  /** Absent when the URL used the scheme's default port, which serialization omits. */
  readonly port: string | undefined;
}

// URL Standard §special-scheme default ports (those a CORS request can use).
export const DEFAULT_PORTS: Readonly<Record<string, string>> = Object.freeze({
  http: '80',
  https: '443',
  ws: '80',
  wss: '443',
});

const SCHEME = '[a-z][a-z0-9+.-]*';
// A domain (labels of letters, digits, `-`, `_`; the URL parser accepts `_`) or a bracketed IPv6 address.
const HOST = '(?:[a-z0-9_-]+(?:\\.[a-z0-9_-]+)*\\.?|\\[[0-9a-f:.]+\\])';
// A serialized port is a decimal integer without leading zeros.
const PORT = '(?:0|[1-9][0-9]{0,4})';
const SERIALIZED_ORIGIN = new RegExp(`^(${SCHEME})://(${HOST})(?::(${PORT}))?$`);

/**
 * Parses a well-formed serialized origin. Anything a browser would not send as `Origin` (uppercase,
 * a path or trailing slash, the default port, userinfo) gives undefined; so does `null`.
 */
export function parseOrigin(text: string): Origin | undefined {
  const match = SERIALIZED_ORIGIN.exec(text);
  if (!match) return undefined;
  const [, scheme = '', host = '', port] = match;
  if (port !== undefined && (Number(port) > 65535 || DEFAULT_PORTS[scheme] === port))
    return undefined;
  return { scheme, host, port };
}

/** Serializes an origin, leaving out the scheme's default port. */
export function serializeOrigin(origin: Origin): string {
  const port =
    origin.port === undefined || DEFAULT_PORTS[origin.scheme] === origin.port
      ? ''
      : `:${origin.port}`;
  return `${origin.scheme}://${origin.host}${port}`;
}
