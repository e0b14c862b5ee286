import type { BrowserFailure, ConsoleParams, PreflightReason } from 'cors-lint-core';
import { consoleLine } from 'cors-lint-core';
import type { Io } from '../output.js';
import { painter } from '../output.js';
import type { Exchange } from './http-exchange.js';
import type { ProbeReport } from './run-probe.js';
import { isCorsHeader } from './run-probe.js';

/** Which console placeholder a verdict's hint fills. */
function consoleParams(
  failure: BrowserFailure,
  hint: string,
  report: ProbeReport,
  status: number | undefined,
): ConsoleParams {
  // After redirects the browser names the URL that failed.
  const failedUrl = (report.actual ?? report.preflight)?.url ?? report.args.url;
  const base: ConsoleParams = {
    url: failedUrl.href,
    pageOrigin: report.args.origin,
    ...(status !== undefined ? { status: String(status) } : {}),
  };
  if (failure === 'method-not-allowed') return { ...base, method: hint };
  if (failure === 'header-not-allowed' || failure === 'authorization-not-covered-by-wildcard')
    return { ...base, header: hint };
  return { ...base, value: hint };
}

function reasonText(reason: PreflightReason): string {
  switch (reason.kind) {
    case 'method':
      return `the method ${reason.method} is not GET, HEAD or POST`;
    case 'header':
      return `the header ${reason.name} is not CORS-safelisted`;
  }
}

function exchangeLines(title: string, exchange: Exchange): string[] {
  const lines = [`${title}: ${exchange.method} ${exchange.url.href} → ${exchange.status}`];
  const relevant = exchange.responseHeaders.filter(([name]) => isCorsHeader(name));
  if (relevant.length === 0) lines.push('  (no Access-Control-* or Vary header in the response)');
  for (const [name, value] of relevant) lines.push(`  ${name}: ${value}`);
  return lines;
}

const headerOf = (exchange: Exchange, name: string) =>
  exchange.responseHeaders.find(([header]) => header.toLowerCase() === name)?.[1];
/** The response came from nginx (or openresty), as its default `Server` header says. */
const fromNginx = (exchange: Exchange) =>
  /\b(nginx|openresty)\b/i.test(headerOf(exchange, 'server') ?? '');

/** The nginx causes a response shows (checked on nginx 1.22.1; the plugin's nginx-* rules find them in the config). */
function nginxHints(report: ProbeReport): string[] {
  const out: string[] = [];
  const { preflight, actual } = report;
  if (
    preflight &&
    fromNginx(preflight) &&
    preflight.status >= 200 &&
    preflight.status < 300 &&
    headerOf(preflight, 'access-control-allow-origin') === undefined
  ) {
    out.push(
      `nginx answered the preflight ${preflight.status} without Access-Control-Allow-Origin. An add_header inside \`if ($request_method = OPTIONS)\` drops the location's CORS headers, and a server-level \`if\` answers before any location's (eslint-plugin-cors: nginx-no-dropped-cors-headers, nginx-no-preflight-before-location).`,
    );
  }
  if (
    actual &&
    fromNginx(actual) &&
    actual.status >= 400 &&
    headerOf(actual, 'access-control-allow-origin') === undefined
  ) {
    out.push(
      `nginx sent this ${actual.status} without Access-Control-Allow-Origin: add_header skips 4xx and 5xx responses unless it ends with \`always\` (eslint-plugin-cors: nginx-require-always).`,
    );
  }
  return out;
}

/** Things the verdict alone does not say but a person fixing it needs to know. */
export function hints(report: ProbeReport): string[] {
  const out: string[] = [...nginxHints(report)];
  const failed = report.actual ?? report.preflight;
  const hasCorsHeaders =
    failed?.responseHeaders.some(([name]) => name.toLowerCase().startsWith('access-control-')) ??
    false;
  if (failed && failed.status >= 500 && !hasCorsHeaders)
    out.push(
      `The server answered ${failed.status} without CORS headers: fix the server error first; error responses often skip the CORS middleware.`,
    );
  if (report.preflight && report.preflight.status >= 300 && report.preflight.status < 400) {
    const location = report.preflight.responseHeaders.find(
      ([name]) => name.toLowerCase() === 'location',
    )?.[1];
    out.push(
      `The preflight was redirected${location ? ` to ${location}` : ''}; browsers never follow a redirect on a preflight. Request the final URL directly (a trailing slash or http→https redirect is the usual cause).`,
    );
  }
  if (
    !report.verdict.ok &&
    report.redirects.length > 0 &&
    report.originSent === 'null' &&
    report.args.origin !== 'null'
  ) {
    out.push(
      `After a redirect from one foreign origin to another, the browser sends \`Origin: null\` (Fetch's tainted origin), so ${report.args.url.origin}'s redirect target must allow the origin null or '*'. Request the final URL directly.`,
    );
  }
  if (
    report.actual &&
    report.actual.status >= 300 &&
    report.actual.status < 400 &&
    report.verdict.ok
  )
    out.push('The response is a redirect without a Location header: the page reads it as it is.');
  if (report.args.credentials)
    out.push(
      "Probed as a credentialed request (credentials: 'include'); no cookies were actually sent.",
    );
  return out;
}

export function formatProbe(report: ProbeReport, io: Io): string {
  const paint = painter(io.stdout);
  const out: string[] = [];
  const { args } = report;
  out.push(
    `${args.method} ${args.url.href} from a page at ${args.origin}${args.credentials ? ', with credentials' : ''}`,
  );
  if (report.preflightReasons.length > 0)
    out.push(`Preflight needed: ${report.preflightReasons.map(reasonText).join('; ')}.`);
  else out.push('No preflight needed: a CORS-safelisted method and headers.');
  out.push('');
  for (const redirect of report.redirects) out.push(...exchangeLines('Redirect', redirect), '');
  const origin = report.redirects.length > 0 ? ` (Origin: ${report.originSent})` : '';
  if (report.preflight) out.push(...exchangeLines(`Preflight${origin}`, report.preflight), '');
  if (report.actual) out.push(...exchangeLines(`Request${origin}`, report.actual), '');
  const { verdict } = report;
  if (verdict.ok) {
    out.push(paint('green', 'Allowed: the page can read this response.'));
  } else {
    const failedExchange = verdict.preflight ? report.preflight : report.actual;
    const lines = consoleLine(
      verdict.failure,
      consoleParams(verdict.failure, verdict.hint, report, failedExchange?.status),
      { preflight: verdict.preflight },
    );
    out.push(
      paint(
        'red',
        `Blocked${verdict.preflight ? ' at the preflight' : ''}. The browser console shows:`,
      ),
    );
    out.push(`  Chrome:  ${lines.chrome}`);
    out.push(`  Firefox: ${lines.firefox}`);
  }
  const extra = hints(report);
  if (extra.length > 0) out.push('', ...extra.map((hint) => `Hint: ${hint}`));
  return `${out.join('\n')}\n`;
}
