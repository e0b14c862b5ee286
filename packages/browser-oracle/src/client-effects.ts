/**
 * The client-side effects (core's `opaque-read`, `throws`, `header-dropped`, `preflight`): what the
 * page's own script meets, seen from the page (what `fetch` resolved to, what the script read) and
 * from the API server (which requests arrived, with which headers). Browsers print no CORS console
 * line for any of them.
 */
import path from 'node:path';
import type { FetchOutcome } from './browser.js';
import { captureRequest } from './capture-request.js';
import type { Finding } from './lint.js';
import { describeFinding } from './lint.js';
import type { RecordedExchange } from './servers.js';

export const CLIENT_EFFECTS = ['opaque-read', 'throws', 'header-dropped', 'preflight'] as const;

export interface ClientRun {
  readonly outcomes: readonly FetchOutcome[];
  readonly exchanges: readonly RecordedExchange[];
}

/** The checked findings with a client-side effect, by kind. */
export interface ClientFindings {
  readonly opaqueReads: readonly Finding[];
  readonly throws: readonly Finding[];
  readonly droppedHeaders: readonly Finding[];
  readonly preflights: readonly Finding[];
}

export function clientFindings(checked: readonly Finding[]): ClientFindings {
  const of = (kind: (typeof CLIENT_EFFECTS)[number]) =>
    checked.filter((finding) => finding.effect?.kind === kind);
  return {
    opaqueReads: of('opaque-read'),
    throws: of('throws'),
    droppedHeaders: of('header-dropped'),
    preflights: of('preflight'),
  };
}

export const hasClientFindings = (findings: ClientFindings) =>
  Object.values(findings).some((list: readonly Finding[]) => list.length > 0);

/** The request itself (not its preflight), as it arrived. */
const mainRequest = (exchanges: readonly RecordedExchange[]) =>
  exchanges.filter((exchange) => exchange.method !== 'OPTIONS').at(-1);

/**
 * The headers the client's script sets, with the values it gives them: `client.js` run in Node,
 * whose `fetch` and `Request` drop no header (the browser's filtering is what is being checked).
 */
async function scriptHeaders(dir: string): Promise<Map<string, string> | string> {
  try {
    const request = await captureRequest(path.join(dir, 'client.js'));
    return new Map(request.headers.map(([name, value]) => [name.toLowerCase(), value]));
  } catch (error) {
    return `cannot tell which headers the script sets: ${String(error)}`;
  }
}

/** A read agrees with the blank a message names when it is that value, or its first words (`a promise rejected with a SyntaxError (…)`). */
const readMatches = (sees: string, read: string) => sees === read || sees.startsWith(`${read} `);

export interface ClientVerdict {
  readonly problems: string[];
  readonly notes: string[];
}

/** Before the fix: each effect must show in the page or at the server. */
export async function checkClientBefore(
  findings: ClientFindings,
  run: ClientRun,
  dir: string,
): Promise<ClientVerdict> {
  const problems: string[] = [];
  const notes: string[] = [];
  const outcome = run.outcomes[0];
  const request = mainRequest(run.exchanges);

  if (findings.throws.length > 0) {
    if (outcome?.ok !== false || !outcome.error.startsWith('TypeError'))
      problems.push(
        `the linter predicts a TypeError before anything is sent, but the request ${outcome?.ok ? `resolved ${outcome.status}` : `failed with ${outcome?.error ?? 'nothing'}`}`,
      );
    if (run.exchanges.length > 0)
      problems.push(
        `the linter predicts that nothing is sent, but the server saw ${run.exchanges.map((exchange) => exchange.method).join(', ')}`,
      );
    for (const finding of findings.throws) {
      const method = finding.data.method;
      if (method !== undefined && outcome?.ok === false && !outcome.error.includes(`'${method}'`))
        problems.push(
          `the TypeError does not name ${method} (${describeFinding(finding)}): ${outcome.error}`,
        );
    }
  }

  if (findings.opaqueReads.length > 0) {
    if (!outcome?.ok || outcome.type !== 'opaque')
      problems.push(
        `the linter predicts an opaque response, but fetch gave ${outcome?.ok ? `a '${outcome.type}' response` : 'no response'}`,
      );
    if (!request || request.status === undefined || request.status >= 300)
      problems.push(
        `the server did not answer the request with a success (${request ? `${request.method} → ${request.status ?? '?'}` : 'no request arrived'})`,
      );
    const read = outcome?.ok ? outcome.read : undefined;
    const blanks = findings.opaqueReads.map((finding) => finding.data.sees ?? '?');
    if (read === undefined)
      problems.push(
        'the client returned the Response, not what it read: an opaque-read scenario returns the value it reads',
      );
    else if (!blanks.some((sees) => readMatches(sees, read)))
      problems.push(
        `the linter says the read gives ${blanks.join(' or ')}, but the script read ${read}`,
      );
    else
      notes.push(
        `opaque-read: the server answered ${request?.status ?? '?'}, the script read ${read}`,
      );
  }

  if (findings.droppedHeaders.length > 0) {
    const set = await scriptHeaders(dir);
    if (typeof set === 'string') problems.push(set);
    else if (!request)
      problems.push('the linter predicts a request without the header, but no request arrived');
    else {
      for (const finding of findings.droppedHeaders) {
        const name = (finding.data.header ?? '').toLowerCase();
        const scriptValue = set.get(name);
        const arrived = request.requestHeaders[name];
        if (scriptValue === undefined)
          problems.push(
            `the script sets no '${name}' header that ${describeFinding(finding)} names`,
          );
        else if (arrived === scriptValue)
          problems.push(
            `the linter predicts that '${name}' is dropped, but it arrived as the script set it: ${arrived}`,
          );
        else
          notes.push(
            `header-dropped: the script set ${name}: ${scriptValue}; the server got ${arrived === undefined ? 'no such header' : `${name}: ${arrived}`}`,
          );
      }
    }
  }

  if (findings.preflights.length > 0) {
    const preflight = run.exchanges.findIndex((exchange) => exchange.method === 'OPTIONS');
    const main = run.exchanges.findIndex((exchange) => exchange.method !== 'OPTIONS');
    if (preflight < 0)
      problems.push(
        `the linter predicts a preflight, but no OPTIONS arrived (requests: ${run.exchanges.map((exchange) => exchange.method).join(', ') || 'none'})`,
      );
    else if (main >= 0 && main < preflight)
      problems.push('the OPTIONS arrived after the request, not as its preflight');
  }
  return { problems, notes };
}

/** The request keeps its method, path and body size after the fix (a header or the mode changed, nothing else). */
function sameRequest(
  before: RecordedExchange | undefined,
  after: RecordedExchange | undefined,
): string | undefined {
  if (!before || !after) return undefined;
  const shape = (exchange: RecordedExchange) =>
    `${exchange.method} ${exchange.path} (Content-Length: ${exchange.requestHeaders['content-length'] ?? 'none'})`;
  return shape(before) === shape(after)
    ? undefined
    : `the request changed: before ${shape(before)}, after ${shape(after)}`;
}

/** After the fix: the request is sent as the script wrote it, and the script reads the server's answer. */
export async function checkClientAfter(
  findings: ClientFindings,
  before: ClientRun,
  after: ClientRun,
  fixedDir: string,
): Promise<ClientVerdict> {
  const problems: string[] = [];
  const notes: string[] = [];
  const outcome = after.outcomes[0];
  const request = mainRequest(after.exchanges);

  for (const finding of findings.throws) {
    const method = finding.data.method;
    if (!request) problems.push(`no request arrived after the fix (${describeFinding(finding)})`);
    else if (method !== undefined && request.method !== method)
      problems.push(`the fixed request arrived as ${request.method}, not ${method}`);
  }

  if (findings.opaqueReads.length > 0) {
    const readBefore = before.outcomes[0]?.ok ? before.outcomes[0].read : undefined;
    const read = outcome?.ok ? outcome.read : undefined;
    if (outcome?.ok && outcome.type === 'opaque')
      problems.push('the response is still opaque after the fix');
    if (read === undefined || read === readBefore)
      problems.push(
        `after the fix the script reads ${read ?? 'nothing'}, as before: not the server's answer`,
      );
    else notes.push(`after the fix the script reads ${read} (before: ${readBefore ?? '?'})`);
  }

  if (findings.droppedHeaders.length > 0) {
    const set = await scriptHeaders(fixedDir);
    if (typeof set === 'string') problems.push(set);
    else {
      for (const finding of findings.droppedHeaders) {
        const name = (finding.data.header ?? '').toLowerCase();
        const scriptValue = set.get(name);
        // A fix that removes the header leaves nothing to compare; one that keeps it must now send it.
        if (scriptValue !== undefined && request?.requestHeaders[name] !== scriptValue) {
          problems.push(
            `after the fix the script sets ${name}: ${scriptValue}, but the server got ${request?.requestHeaders[name] ?? 'no such header'}`,
          );
        }
      }
    }
  }

  if (findings.preflights.length > 0) {
    const options = after.exchanges.filter((exchange) => exchange.method === 'OPTIONS').length;
    if (options > 0) problems.push(`after the fix the request still sent ${options} OPTIONS`);
  }
  if (findings.droppedHeaders.length > 0 || findings.preflights.length > 0) {
    const changed = sameRequest(mainRequest(before.exchanges), request);
    if (changed) problems.push(changed);
  }
  return { problems, notes };
}
