import { parseArgs, type ParseArgsConfig } from 'node:util';
import { toAppOrigin } from 'cors-lint-core';
import { DEFAULT_MAX_FILE_BYTES } from './audit/read-source.js';
import { UsageError } from './errors.js';

export const USAGE = `Usage:
  cors-lint [paths…] [options]        audit JavaScript/TypeScript files for CORS mistakes
  cors-lint probe <url> --origin <page origin> [options]
                                      check a live endpoint the way a browser does

Audit options:
  --config recommended|strict|all     which rules run (default: recommended)
  --format pretty|json|sarif          output format (default: pretty)
  --fix                               apply the automatic fixes to the files
  --include-generated                 also audit minified, generated and very large (> 1 MB) files
  --concurrency auto|off|<n>          lint on several threads (default: auto)
  --app-origin <origin>               an origin the app's own pages are served from (repeatable);
                                      client rules then treat requests to it as same-origin
  --project <root>                    check each client request against the servers of the project
                                      at <root> (the cross-file rules; the index is built once)

Probe options:
  --origin <origin>                   the origin of the page making the request (required)
  --method <method>                   request method (default: GET)
  --header <name: value>              a request header set by the page (repeatable)
  --credentials                       the page sends cookies (credentials: 'include')
  --timeout <ms>                      per request (default: 10000)

Exit codes: 0 no problem; 1 CORS problems found (or the probe is blocked); 2 usage or other error,
or fixes that could not be written; 3 no problem found, but a file could not be audited.
Paths default to the current folder. In folders, node_modules, what .gitignore lists and generated
files are skipped; a file named on the command line is always audited.
`;

export type AuditFormat = 'pretty' | 'json' | 'sarif';
export type RuleSet = 'recommended' | 'strict' | 'all';

export interface AuditArgs {
  readonly paths: readonly string[];
  readonly config: RuleSet;
  readonly format: AuditFormat;
  readonly fix: boolean;
  readonly concurrency: 'auto' | 'off' | number;
  readonly appOrigins: readonly string[];
  readonly includeGenerated: boolean;
  readonly maxFileBytes: number;
  /** `--project <root>`: the project whose servers client requests are checked against. */
  readonly project?: string;
}

export interface ProbeArgs {
  readonly url: URL;
  readonly origin: string;
  readonly method: string;
  readonly headers: readonly (readonly [string, string])[];
  readonly credentials: boolean;
  readonly timeoutMs: number;
}

function parse(
  argv: readonly string[],
  options: NonNullable<ParseArgsConfig['options']>,
): { values: Record<string, unknown>; positionals: string[] } {
  let parsed: ReturnType<
    typeof parseArgs<{
      args: string[];
      options: typeof options;
      allowPositionals: true;
      strict: true;
      tokens: true;
    }>
  >;
  try {
    parsed = parseArgs({
      args: [...argv],
      options,
      allowPositionals: true,
      strict: true,
      tokens: true,
    });
  } catch (error) {
    // node:util's messages name the option already ("Unknown option '--x'").
    throw new UsageError(
      error instanceof Error
        ? error.message.replace(/\. To specify a positional argument.*$/s, '')
        : String(error),
    );
  }
  // node:util keeps the last of a repeated option silently: `--format json --format sarif` would drop one.
  const seen = new Set<string>();
  for (const token of parsed.tokens) {
    if (token.kind !== 'option' || options[token.name]?.multiple === true) continue;
    if (seen.has(token.name)) throw new UsageError(`--${token.name} is given more than once`);
    seen.add(token.name);
  }
  return parsed;
}

/** `--help` and `--version` win over everything else, but an unknown option next to them is still an error. */
export function wantsHelpOrVersion(argv: readonly string[]): 'help' | 'version' | undefined {
  const help = argv.includes('--help') || argv.includes('-h');
  const version = argv.includes('--version') || argv.includes('-v');
  if (!help && !version) return undefined;
  const rest = argv.filter((arg) => !['--help', '-h', '--version', '-v'].includes(arg));
  if (rest[0] === 'probe') parseProbeArgs(rest.slice(1), { partial: true });
  else parseAuditArgs(rest);
  return help ? 'help' : 'version';
}

function oneOf<T extends string>(
  name: string,
  value: unknown,
  allowed: readonly T[],
  fallback: T,
): T {
  if (value === undefined) return fallback;
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value))
    return value as T;
  throw new UsageError(`--${name} must be one of ${allowed.join(', ')}; got '${String(value)}'`);
}

export function parseAuditArgs(argv: readonly string[]): AuditArgs {
  const { values, positionals } = parse(argv, {
    config: { type: 'string' },
    format: { type: 'string' },
    fix: { type: 'boolean' },
    concurrency: { type: 'string' },
    'app-origin': { type: 'string', multiple: true },
    'include-generated': { type: 'boolean' },
    project: { type: 'string' },
  });
  const rawConcurrency = values['concurrency'];
  let concurrency: AuditArgs['concurrency'] = 'auto';
  if (rawConcurrency === 'off' || rawConcurrency === 'auto') concurrency = rawConcurrency;
  else if (rawConcurrency !== undefined) {
    const threads = Number(rawConcurrency);
    if (!Number.isInteger(threads) || threads < 1)
      throw new UsageError(
        `--concurrency must be auto, off or a positive whole number; got '${String(rawConcurrency)}'`,
      );
    concurrency = threads;
  }
  return {
    paths: positionals.length > 0 ? positionals : ['.'],
    config: oneOf(
      'config',
      values['config'],
      ['recommended', 'strict', 'all'] as const,
      'recommended',
    ),
    format: oneOf('format', values['format'], ['pretty', 'json', 'sarif'] as const, 'pretty'),
    fix: values['fix'] === true,
    concurrency,
    appOrigins: (Array.isArray(values['app-origin']) ? values['app-origin'] : []).map((origin) =>
      appOrigin(String(origin)),
    ),
    includeGenerated: values['include-generated'] === true,
    maxFileBytes: DEFAULT_MAX_FILE_BYTES,
    ...(typeof values['project'] === 'string' ? { project: values['project'] } : {}),
  };
}

/** An origin the app's pages are served from; a URL that is just an origin (`https://app.example.com/`) is taken as that origin. */
function appOrigin(text: string): string {
  const origin = toAppOrigin(text);
  if (origin === undefined)
    throw new UsageError(
      `--app-origin must be an origin such as https://app.example.com (scheme, host, optional port; no path); got '${text}'`,
    );
  return origin;
}

/** A serialized origin (`https://app.example.com`, no path or trailing slash), exactly as browsers send it. */
function pageOrigin(origin: string): string {
  let parsed: URL | undefined;
  try {
    parsed = new URL(origin);
  } catch {
    parsed = undefined;
  }
  if (!parsed || parsed.origin !== origin)
    throw new UsageError(
      `--origin must be an origin such as https://app.example.com (scheme, host, optional port; no path or trailing slash); got '${origin}'`,
    );
  return origin;
}

/**
 * A header as `Name: value` (also `Name:value`); the name must be an HTTP token and the value what a
 * page's `fetch()` accepts: Latin-1 text without line breaks or NUL (a ByteString; `new Headers()`
 * throws a TypeError otherwise, so no browser could send it).
 */
function parseHeader(text: string): readonly [string, string] {
  const colon = text.indexOf(':');
  const name = colon < 0 ? '' : text.slice(0, colon).trim();
  if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name))
    throw new UsageError(`--header must look like 'Name: value'; got '${text}'`);
  const value = text.slice(colon + 1).trim();
  if (/[\r\n\0]/.test(value))
    throw new UsageError(`--header ${name}: a header value cannot contain a line break or NUL`);
  const wide = [...value].find((character) => (character.codePointAt(0) ?? 0) > 0xff);
  if (wide !== undefined)
    throw new UsageError(
      `--header ${name}: '${wide}' is not Latin-1, and a page's fetch() rejects such a header value (encode it, e.g. with encodeURIComponent)`,
    );
  return [name, value];
}

/** The largest delay Node's timers take (2³¹−1 ms, about 24.8 days); above it they fire at once. */
const LONGEST_TIMEOUT_MS = 2 ** 31 - 1;

/** `new URL` says only "Invalid URL" for a port out of range: name it. */
function portOutOfRange(text: string): string | undefined {
  const port =
    /^[a-z][a-z0-9+.-]*:\/\/(?:[^/?#@]*@)?(?:\[[^\]]*\]|[^/?#:]*):(\d+)(?:[/?#]|$)/i.exec(
      text,
    )?.[1];
  return port !== undefined && Number(port) > 65535 ? port : undefined;
}

/** `partial`: only check the options (for `probe --help`), without requiring the URL and origin. */
export function parseProbeArgs(argv: readonly string[], { partial = false } = {}): ProbeArgs {
  const { values, positionals } = parse(argv, {
    origin: { type: 'string' },
    method: { type: 'string' },
    header: { type: 'string', multiple: true },
    credentials: { type: 'boolean' },
    timeout: { type: 'string' },
  });
  if (partial)
    return {
      url: new URL('http://localhost/'),
      origin: 'null',
      method: 'GET',
      headers: [],
      credentials: false,
      timeoutMs: 0,
    };
  if (positionals.length !== 1)
    throw new UsageError(
      positionals.length === 0
        ? 'probe needs the URL to check'
        : `probe checks one URL; got ${positionals.length}`,
    );
  let url: URL;
  try {
    url = new URL(positionals[0] ?? '');
  } catch {
    const port = portOutOfRange(positionals[0] ?? '');
    if (port !== undefined)
      throw new UsageError(
        `the port ${port} in '${positionals[0] ?? ''}' is out of range (0 to 65535)`,
      );
    throw new UsageError(
      `'${positionals[0] ?? ''}' is not an absolute URL (e.g. https://api.example.com/items)`,
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new UsageError(`probe checks http: and https: URLs only; got '${url.protocol}'`);
  const origin = values['origin'];
  if (typeof origin !== 'string')
    throw new UsageError(
      'probe needs --origin, the origin of the page that makes the request (e.g. --origin https://app.example.com)',
    );
  if (origin !== 'null') pageOrigin(origin);
  const method = typeof values['method'] === 'string' ? values['method'] : 'GET';
  if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(method))
    throw new UsageError(`--method must be an HTTP method token; got '${method}'`);
  const timeout = values['timeout'] === undefined ? 10_000 : Number(values['timeout']);
  if (!Number.isFinite(timeout) || timeout <= 0)
    throw new UsageError(
      `--timeout must be a positive number of milliseconds; got '${String(values['timeout'])}'`,
    );
  if (timeout > LONGEST_TIMEOUT_MS)
    throw new UsageError(
      `--timeout must be at most ${LONGEST_TIMEOUT_MS} ms (about 24.8 days); got '${String(values['timeout'])}'`,
    );
  const rawHeaders = values['header'];
  const headers = (Array.isArray(rawHeaders) ? rawHeaders : []).map((header) =>
    parseHeader(String(header)),
  );
  return {
    url,
    origin,
    method,
    headers,
    credentials: values['credentials'] === true,
    timeoutMs: timeout,
  };
}
