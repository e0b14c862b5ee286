/**
 * Headless Debian Chromium through playwright-core: one browser per test file, a fresh context
 * (own HTTP cache, preflight cache and cookies) per scenario run, and the in-page code that calls
 * the scenario's client and reports what the page could see.
 */
import type { Browser, BrowserContext, ConsoleMessage, Page } from 'playwright-core';
import { chromium } from 'playwright-core';
import { IMPORT_MAP } from './vendor.js';

export const CHROMIUM_PATH = '/usr/bin/chromium';
/** Every wait in the browser is bounded. */
export const WAIT_MS = 10_000;

/** The recipe of browser-oracle.md: no sandbox (root in CI), no background traffic on the closed network. */
const FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

export function launchBrowser(hostResolverRules: string): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [...FLAGS, `--host-resolver-rules=${hostResolverRules}`],
    timeout: 30_000,
  });
}

/**
 * What the page saw of one call of the client's `request()`: whether its `fetch` resolved (and to
 * what, read from a clone) or its XMLHttpRequest loaded (`type: 'xhr'`, the status, the headers
 * `getAllResponseHeaders()` lets it read and the text; status 0 is the network error CORS gives),
 * and, when `request()` returned something other than the response, what the script read,
 * described as in core's catalog (`0`, `''`, `an empty Headers object`, `a promise rejected with a
 * SyntaxError`…).
 */
export type FetchOutcome =
  | {
      readonly ok: true;
      readonly status: number;
      readonly type: string;
      readonly headers: readonly (readonly [string, string])[];
      readonly body: string;
      readonly read?: string;
    }
  | { readonly ok: false; readonly error: string };

export interface PageRun {
  readonly outcomes: readonly FetchOutcome[];
  /** Console lines (`type: text`) that arrived before the run's done-marker, in order. */
  readonly console: readonly string[];
  /**
   * DevTools issues (Audits domain) reported meanwhile, as `code type`: Chromium reports some
   * things only there (deprecations such as AuthorizationCoveredByWildcard), never on the console.
   * Evidence only: they come through another channel and are not ordered with the marker.
   */
  readonly issues: readonly string[];
}

export interface RunOptions {
  /** How many times to call the client in the same page (2 to watch the preflight cache). */
  readonly repeat?: number;
  /** Force `credentials: 'include'` on the client's fetch (the reflected-origin attack). */
  readonly includeCredentials?: boolean;
  /**
   * Force `mode: 'no-cors'` on the client's fetch: a load of the URL that sends no Origin and gets an
   * opaque answer, as an `<img>` or a navigation would (to fill the HTTP cache for `require-vary-origin`).
   */
  readonly noCors?: boolean;
  /** Run the client inside `<iframe sandbox="allow-scripts" srcdoc>`, whose origin is `null`. */
  readonly sandboxedFrom?: string;
  /**
   * DevTools issues (`code type`) the linter predicts. Issues come on their own channel, not in
   * order with the console marker, so the run waits for these (up to the timeout) before returning.
   */
  readonly awaitIssues?: readonly string[];
}

interface InPageArgs {
  readonly repeat: number;
  readonly includeCredentials: boolean;
  readonly noCors: boolean;
  readonly marker: string;
  readonly clientUrl: string;
  readonly sandboxed: boolean;
  /** The page's import map, repeated in the sandboxed iframe's srcdoc (a document has its own). */
  readonly importMap: string;
}

/**
 * The code that runs in the page, kept as plain JavaScript text: a function object would be
 * rewritten by the test runner's transform (its `import()` would call a Node-side helper).
 * It calls the client's `request()` `repeat` times (inside a sandboxed srcdoc iframe whose origin
 * is `null` when asked), then logs the marker. `fetch` is wrapped to see the Response the client's
 * request resolved to (or the error it rejected with) whatever `request()` returns, and to force
 * `credentials: 'include'` or `mode: 'no-cors'` when asked; `XMLHttpRequest.prototype.send` likewise keeps each XHR sent
 * (axios sends through one) and sets `withCredentials`. The XHR is read once it has fired
 * `loadend`: a client's promise may settle on `load`, before that.
 */
const IN_PAGE = String.raw`async (args) => {
  const runClient = async (args) => {
    const describeRead = async (value) => {
      const sized = (what, article, size) => (size === 0 ? 'an empty ' + what : article + ' ' + what + ' of ' + size + ' bytes');
      if (value instanceof Headers) return value.keys().next().done ? 'an empty Headers object' : 'Headers ' + JSON.stringify([...value]);
      if (value instanceof Blob) return sized('Blob', 'a', value.size);
      if (value instanceof ArrayBuffer) return sized('ArrayBuffer', 'an', value.byteLength);
      if (value instanceof Uint8Array) return sized('Uint8Array', 'a', value.byteLength);
      if (value instanceof ReadableStream) return 'a ReadableStream';
      if (typeof value === 'string') return "'" + value + "'";
      if (value === null || typeof value !== 'object') return String(value);
      return JSON.stringify(value);
    };
    const originalFetch = window.fetch.bind(window);
    let response;
    let fetchError;
    window.fetch = async (input, init) => {
      try {
        const forced = { ...(args.includeCredentials ? { credentials: 'include' } : {}), ...(args.noCors ? { mode: 'no-cors' } : {}) };
        const res = await originalFetch(input, Object.keys(forced).length > 0 ? { ...init, ...forced } : init);
        response = res.clone();
        return res;
      } catch (error) {
        fetchError = error;
        throw error;
      }
    };
    let sentXhrs = [];
    const originalSend = XMLHttpRequest.prototype.send;
    XMLHttpRequest.prototype.send = function (body) {
      if (args.includeCredentials) this.withCredentials = true;
      // Listening before send: a synchronous XHR fires loadend inside it.
      const finished = new Promise((resolve) => this.addEventListener('loadend', resolve));
      originalSend.call(this, body);
      sentXhrs.push({ xhr: this, finished });
    };
    const xhrOutcome = (xhr) => {
      // A CORS failure, like any network error, leaves status 0 (XHR has no opaque responses).
      if (xhr.status === 0) return { ok: false, error: 'XMLHttpRequest network error (status 0)' };
      const headers = xhr.getAllResponseHeaders().trim().split(/\r?\n/).filter(Boolean).map((line) => {
        const colon = line.indexOf(':');
        return [line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim()];
      });
      let body = '';
      try {
        body = xhr.responseText;
      } catch {
        // responseType other than '' or 'text'.
      }
      return { ok: true, status: xhr.status, type: 'xhr', headers, body };
    };
    // What request() gave back is the response itself, not a value read from it: a Response, an XHR, an axios response (its request is the XHR).
    const isResponseObject = (value) => value === undefined || value instanceof Response || value instanceof XMLHttpRequest || (typeof value === 'object' && value !== null && value.request instanceof XMLHttpRequest);
    const client = await import(args.clientUrl);
    const outcomes = [];
    for (let i = 0; i < args.repeat; i += 1) {
      response = undefined;
      fetchError = undefined;
      sentXhrs = [];
      let returned;
      let thrown;
      try {
        returned = await client.default();
      } catch (error) {
        thrown = error;
      }
      const sent = sentXhrs.at(-1);
      if (response === undefined && sent === undefined) {
        outcomes.push({ ok: false, error: String(fetchError ?? thrown ?? 'request() made no fetch call and sent no XMLHttpRequest') });
        continue;
      }
      if (response === undefined) await sent.finished;
      const outcome = response === undefined
        ? xhrOutcome(sent.xhr)
        : { ok: true, status: response.status, type: response.type, headers: [...response.headers], body: await response.text() };
      if (!outcome.ok) {
        outcomes.push(outcome);
        continue;
      }
      if (thrown !== undefined) outcome.read = 'a promise rejected with a ' + (thrown && thrown.name ? thrown.name : String(thrown));
      else if (!isResponseObject(returned)) outcome.read = await describeRead(returned);
      outcomes.push(outcome);
    }
    return outcomes;
  };
  try {
    if (!args.sandboxed) return await runClient(args);
    const frameScript = 'const runClient = ' + runClient.toString() + '; ' +
      'runClient(' + JSON.stringify(args) + ').then((o) => parent.postMessage({ oracle: o }, "*"), ' +
      '(e) => parent.postMessage({ oracle: [{ ok: false, error: String(e) }] }, "*"));';
    return await new Promise((resolve) => {
      window.addEventListener('message', (event) => {
        if (event.data && event.data.oracle) resolve(event.data.oracle);
      });
      const frame = document.createElement('iframe');
      frame.setAttribute('sandbox', 'allow-scripts');
      frame.srcdoc = '<!doctype html><script type="importmap">' + args.importMap + '</' + 'script><script type="module">' + frameScript.replace(/<\/script/gi, '<\\/script') + '</' + 'script>';
      document.body.append(frame);
    });
  } finally {
    console.log(args.marker);
  }
}`;

let markerCount = 0;

/**
 * Opens `pageOrigin` in a new page of `context`, calls the client and waits for the done-marker on
 * the console. Console events arrive in order, so every line about the request is in by then:
 * nothing sleeps for a fixed time.
 */
export async function runInPage(
  context: BrowserContext,
  pageOrigin: string,
  options: RunOptions = {},
): Promise<PageRun> {
  const page: Page = await context.newPage();
  try {
    markerCount += 1;
    const marker = `oracle:done:${markerCount}`;
    const lines: string[] = [];
    let markerSeen!: () => void;
    const markerArrived = new Promise<void>((resolve) => (markerSeen = resolve));
    page.on('console', (message: ConsoleMessage) => {
      if (message.text() === marker) markerSeen();
      else lines.push(`${message.type()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => lines.push(`pageerror: ${error.message}`));
    const issues: string[] = [];
    const awaited = new Set(options.awaitIssues ?? []);
    let allIssuesSeen!: () => void;
    const issuesArrived = new Promise<void>((resolve) => (allIssuesSeen = resolve));
    if (awaited.size === 0) allIssuesSeen();
    const cdp = await context.newCDPSession(page);
    cdp.on('Audits.issueAdded', ({ issue }) => {
      const described = describeIssue(issue);
      issues.push(described);
      awaited.delete(described);
      if (awaited.size === 0) allIssuesSeen();
    });
    await cdp.send('Audits.enable');
    await page.goto(`${pageOrigin}/`, { timeout: WAIT_MS });
    const args: InPageArgs = {
      repeat: options.repeat ?? 1,
      includeCredentials: options.includeCredentials ?? false,
      noCors: options.noCors ?? false,
      marker,
      clientUrl: `${options.sandboxedFrom ?? pageOrigin}/client.js`,
      sandboxed: options.sandboxedFrom !== undefined,
      importMap: IMPORT_MAP,
    };
    const outcomes = await withTimeout(
      page.evaluate(`(${IN_PAGE})(${JSON.stringify(args)})`) as Promise<FetchOutcome[]>,
      WAIT_MS,
      'the client request',
    );
    await withTimeout(markerArrived, WAIT_MS, 'the console done-marker');
    // A predicted issue that never comes is a disagreement the caller reports, not a crash.
    await withTimeout(issuesArrived, WAIT_MS, 'the predicted DevTools issues').catch(
      () => undefined,
    );
    return { outcomes, console: lines.slice(), issues: issues.slice() };
  } finally {
    await page.close().catch(() => undefined);
  }
}

function describeIssue(issue: { code: string; details: object }): string {
  const details = Object.values(issue.details)[0] as
    { type?: string; corsErrorStatus?: { corsError?: string } } | undefined;
  const kind = details?.type ?? details?.corsErrorStatus?.corsError;
  return kind ? `${issue.code} ${kind}` : issue.code;
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export async function withContext<T>(
  browser: Browser,
  body: (context: BrowserContext) => Promise<T>,
): Promise<T> {
  const context = await browser.newContext();
  try {
    return await body(context);
  } finally {
    await context.close().catch(() => undefined);
  }
}
