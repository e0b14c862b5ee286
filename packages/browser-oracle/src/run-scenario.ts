/**
 * One scenario, end to end: lint it, run its client in Chromium against its server, compare with
 * what the findings predict; then apply the linter's fix and check that the browser now agrees the
 * code works and that attacker pages are locked out.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { BrowserEffect, BrowserFailure, SecurityRuleName } from 'cors-lint-core';
import {
  isCorsSafelistedResponseHeader,
  matchesConsoleLine,
  parseHeaderList,
} from 'cors-lint-core';
import type { Browser } from 'playwright-core';
import type { FetchOutcome, PageRun, RunOptions } from './browser.js';
import { runInPage, withContext } from './browser.js';
import {
  CLIENT_EFFECTS,
  checkClientAfter,
  checkClientBefore,
  clientFindings,
  hasClientFindings,
} from './client-effects.js';
import type { FixResult, FixStep } from './fix.js';
import { fixScenario, fixScenarioOnServer, writeFixedCopy } from './fix.js';
import { djangoApp, isDjangoScenario } from './django.js';
import { APP_ORIGIN, ATTACKER_ORIGIN, SAME_SITE_APP_ORIGIN, attackerPageOrigin } from './hosts.js';
import type { Finding, ScenarioSources } from './lint.js';
import {
  attackerExample,
  describeFinding,
  lintScenario,
  observable,
  scenarioConfig,
  scenarioProject,
} from './lint.js';
import type { ApiServer, PageServer, RecordedExchange, RequestHandler } from './servers.js';

export interface Scenario {
  readonly name: string;
  readonly dir: string;
  readonly sources: ScenarioSources;
}

export interface Environment {
  readonly browser: Browser;
  readonly api: ApiServer;
  readonly app: PageServer;
  readonly attacker: PageServer;
  /** Where fixed copies of scenario folders go (inside the repository, see fix.ts). */
  readonly workRoot: string;
}

/** Every folder of `root` holding a server.js (or a Django settings.py) and a client.js, by name. */
export function discoverScenarios(root: string): Scenario[] {
  if (!fs.existsSync(root)) return [];
  return fs
    .readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const dir = path.join(root, name);
      const read = (file: string) => fs.readFileSync(path.join(dir, file), 'utf8');
      const django = isDjangoScenario(dir);
      const project = scenarioProject(name, dir);
      return {
        name,
        dir,
        sources: {
          server: read(django ? 'settings.py' : 'server.js'),
          client: read('client.js'),
          config: scenarioConfig(name),
          ...(django ? { django } : {}),
          ...(project === undefined ? {} : { project }),
        },
      };
    });
}

// ---------------------------------------------------------------------------------------------
// Running code

/** `require`s a scenario's server.js afresh (the cache of its folder is cleared first); a Django scenario is served by Django. */
export function loadApp(dir: string): RequestHandler {
  if (isDjangoScenario(dir)) return djangoApp(dir);
  const serverPath = path.join(dir, 'server.js');
  const require = createRequire(serverPath);
  const prefix = dir.endsWith(path.sep) ? dir : dir + path.sep;
  for (const key of Object.keys(require.cache))
    if (key.startsWith(prefix)) delete require.cache[key];
  const app = require(serverPath) as unknown;
  if (typeof app !== 'function')
    throw new Error(`${serverPath} must export its Express app (module.exports = app)`);
  return app as RequestHandler;
}

interface Observation extends PageRun {
  readonly exchanges: readonly RecordedExchange[];
}

async function observe(
  env: Environment,
  dir: string,
  sources: ScenarioSources,
  pageOrigin: string,
  options: RunOptions = {},
): Promise<Observation> {
  env.api.use(loadApp(dir));
  env.app.setClient(sources.client);
  env.attacker.setClient(sources.client);
  env.api.reset();
  const run = await withContext(env.browser, (context) => runInPage(context, pageOrigin, options));
  return { ...run, exchanges: env.api.exchanges.map((exchange) => ({ ...exchange })) };
}

/** Two runs of the client in one browser context (one HTTP cache), and what reached the server. */
export interface CacheRun {
  readonly first: PageRun;
  readonly second: PageRun;
  readonly exchanges: readonly RecordedExchange[];
}

/** The client run from the app, then from a same-site origin, in one context: one HTTP cache. */
async function observeSharedCache(
  env: Environment,
  dir: string,
  sources: ScenarioSources,
): Promise<CacheRun> {
  env.api.use(loadApp(dir));
  env.app.setClient(sources.client);
  env.attacker.setClient(sources.client);
  env.api.reset();
  const run = await withContext(env.browser, async (context) => ({
    first: await runInPage(context, APP_ORIGIN),
    second: await runInPage(context, SAME_SITE_APP_ORIGIN),
  }));
  return { ...run, exchanges: env.api.exchanges.map((exchange) => ({ ...exchange })) };
}

/**
 * The client's URL loaded first with `mode: 'no-cors'` (no Origin is sent, as for an `<img>` or a
 * navigation), then the client run as written, both from the app page in one context: one HTTP cache.
 * `exchanges` counts what reached the server, to tell a cache hit from a second answer.
 */
export async function observeCachedWithoutHeader(
  env: Environment,
  dir: string,
  sources: ScenarioSources,
): Promise<CacheRun> {
  env.api.use(loadApp(dir));
  env.app.setClient(sources.client);
  env.api.reset();
  const run = await withContext(env.browser, async (context) => ({
    first: await runInPage(context, APP_ORIGIN, { noCors: true }),
    second: await runInPage(context, APP_ORIGIN),
  }));
  return { ...run, exchanges: env.api.exchanges.map((exchange) => ({ ...exchange })) };
}

/**
 * The allowed origin is served the no-cors answer from the cache: the server saw one request, and the
 * CORS fetch after it was blocked with a predicted reason.
 */
export function cachedWithoutHeaderProblem(
  run: CacheRun,
  findings: readonly Finding[],
): string | undefined {
  const line = run.second.console.find(isBlockedLine);
  if (!succeeded(run.first.outcomes[0]))
    return `the no-cors load from ${APP_ORIGIN} failed: ${describeOutcome(run.first.outcomes[0])}`;
  if (
    succeeded(run.second.outcomes[0]) ||
    !line ||
    !findings.some((finding) => matchesConsoleLine(failureOf(finding)!, 'chrome', line))
  )
    return `the linter predicts that ${APP_ORIGIN} gets the no-cors answer from the cache, but Chromium: ${describeOutcome(run.second.outcomes[0])}; ${line ?? 'no blocked line'}; requests: ${exchangesLine(run.exchanges)}`;
  if (run.exchanges.length !== 1)
    return `the CORS fetch was blocked, but not from the cache: the server saw ${exchangesLine(run.exchanges)}`;
  return undefined;
}

/** With `Vary: Origin` the CORS fetch is not served the no-cors answer: it is sent, and it works. */
export function cachedWithoutHeaderFixProblem(run: CacheRun): string | undefined {
  const outcomes = [run.first.outcomes[0], run.second.outcomes[0]];
  const lines = [...run.first.console, ...run.second.console].filter(isCorsLine);
  if (outcomes.every(succeeded) && lines.length === 0 && run.exchanges.length === 2)
    return undefined;
  return `a no-cors load, then the CORS fetch from ${APP_ORIGIN}: ${outcomes.map(describeOutcome).join(', ')}; ${lines.join(' | ') || 'no CORS console line'}; requests: ${exchangesLine(run.exchanges)}`;
}

/** A cache mix-up is seen when the second origin is blocked with a predicted reason after the first succeeded. */
function cacheMixupProblem(run: CacheRun, findings: readonly Finding[]): string | undefined {
  const line = run.second.console.find(isBlockedLine);
  if (!succeeded(run.first.outcomes[0]))
    return `the request from ${APP_ORIGIN} failed: ${describeOutcome(run.first.outcomes[0])}`;
  if (
    succeeded(run.second.outcomes[0]) ||
    !line ||
    !findings.some((finding) => matchesConsoleLine(failureOf(finding)!, 'chrome', line))
  ) {
    return `the linter predicts that ${SAME_SITE_APP_ORIGIN} gets the answer cached for ${APP_ORIGIN}, but Chromium: ${describeOutcome(run.second.outcomes[0])}; ${line ?? 'no blocked line'}`;
  }
  return undefined;
}

/** With `Vary: Origin` each origin gets its own answer: both runs work, with no CORS console line. */
function cacheMixupFixProblem(run: CacheRun): string | undefined {
  const outcomes = [run.first.outcomes[0], run.second.outcomes[0]];
  const lines = [...run.first.console, ...run.second.console].filter(isCorsLine);
  if (outcomes.every(succeeded) && lines.length === 0) return undefined;
  return `after ${APP_ORIGIN}, ${SAME_SITE_APP_ORIGIN}: ${outcomes.map(describeOutcome).join(', ')}; ${lines.join(' | ') || 'no CORS console line'}`;
}

/**
 * The effects seen only over two fetches that share one HTTP cache: how each is observed, what
 * contradicts the prediction before the fix and after it, and the note when Chromium agrees.
 */
interface CacheEffect {
  readonly kind: BrowserEffect['kind'];
  readonly observe: (env: Environment, dir: string, sources: ScenarioSources) => Promise<CacheRun>;
  readonly problem: (run: CacheRun, findings: readonly Finding[]) => string | undefined;
  readonly fixProblem: (run: CacheRun) => string | undefined;
  readonly seen: string;
}

const CACHE_EFFECTS: readonly CacheEffect[] = [
  {
    kind: 'cached-for-another-origin',
    observe: observeSharedCache,
    problem: cacheMixupProblem,
    fixProblem: cacheMixupFixProblem,
    seen: `cached-for-another-origin: after ${APP_ORIGIN}, ${SAME_SITE_APP_ORIGIN} got the cached answer and was blocked`,
  },
  {
    kind: 'cached-without-allow-origin',
    observe: observeCachedWithoutHeader,
    problem: cachedWithoutHeaderProblem,
    fixProblem: cachedWithoutHeaderFixProblem,
    seen: `cached-without-allow-origin: after a no-cors load, ${APP_ORIGIN} got the cached answer without the header and was blocked`,
  },
];

// ---------------------------------------------------------------------------------------------
// Reading the browser's verdict

const isCorsLine = (line: string) => /CORS|Access-Control-|Cross-Origin/.test(line);
const isBlockedLine = (line: string) => /blocked by CORS policy/.test(line);
const succeeded = (
  outcome: FetchOutcome | undefined,
): outcome is Extract<FetchOutcome, { ok: true }> => outcome?.ok === true;

/** An attack succeeds when the attacker's script reads the response. */
const readable = (outcome: FetchOutcome | undefined) =>
  succeeded(outcome) && outcome.type !== 'opaque';

function describeOutcome(outcome: FetchOutcome | undefined): string {
  if (!outcome) return 'no outcome';
  return outcome.ok
    ? `resolved ${outcome.status} (${outcome.type})`
    : `rejected (${outcome.error})`;
}

/** The real response to the client's request (not the preflight), as the server sent it. */
function mainResponse(exchanges: readonly RecordedExchange[]): RecordedExchange | undefined {
  return exchanges.filter((exchange) => exchange.method !== 'OPTIONS').at(-1);
}

const NEVER_READABLE = new Set(['set-cookie', 'set-cookie2']);

/** Response headers the server sent that a page may only read when they are exposed. */
function nonSafelisted(exchange: RecordedExchange | undefined): string[] {
  return Object.keys(exchange?.headers ?? {}).filter(
    (name) => !isCorsSafelistedResponseHeader(name) && !NEVER_READABLE.has(name),
  );
}

/** Which of them Fetch lets the page read, given the Access-Control-Expose-Headers really sent. */
function exposedByResponse(exchange: RecordedExchange | undefined): string[] {
  const expose = exchange?.headers?.['access-control-expose-headers'];
  if (expose === undefined) return [];
  const list = parseHeaderList(expose);
  if (list.invalid.length > 0) return [];
  const names = new Set(list.items.map((item) => item.toLowerCase()));
  const credentialed = exchange?.headers?.['access-control-allow-credentials'] === 'true';
  return nonSafelisted(exchange).filter(
    (name) => names.has(name) || (names.has('*') && !credentialed),
  );
}

function readableHeaders(outcome: FetchOutcome | undefined): Set<string> {
  return new Set(succeeded(outcome) ? outcome.headers.map(([name]) => name.toLowerCase()) : []);
}

function countMethod(exchanges: readonly RecordedExchange[], method: string): number {
  return exchanges.filter((exchange) => exchange.method === method).length;
}

/** The effect kinds this runner checks; a kind added to core later is reported, not ignored. */
const KNOWN_EFFECTS: ReadonlySet<string> = new Set([
  'blocked',
  'warning',
  'hidden-headers',
  'preflight-not-cached',
  'preflight-cached-briefly',
  'cached-for-another-origin',
  'cached-without-allow-origin',
  ...CLIENT_EFFECTS,
] satisfies BrowserEffect['kind'][]);

function failureOf(finding: Finding): BrowserFailure | undefined {
  return finding.effect && 'failure' in finding.effect ? finding.effect.failure : undefined;
}

// ---------------------------------------------------------------------------------------------
// Attacks

export interface Attack {
  readonly rule: SecurityRuleName;
  readonly label: string;
  readonly pageOrigin: string;
  readonly options: RunOptions;
  readonly note: string | undefined;
}

/** The attack page that shows a security finding, or why none can be run. Every security rule of the catalog has one (a type error otherwise). */
export function attackFor(finding: Finding): Attack | string {
  switch (finding.security) {
    case 'no-reflected-origin-with-credentials':
      return {
        rule: finding.security,
        label: `credentialed read from ${ATTACKER_ORIGIN}`,
        pageOrigin: ATTACKER_ORIGIN,
        options: { includeCredentials: true },
        note: undefined,
      };
    case 'no-permissive-origin':
    case 'no-permissive-local-server':
      // Any page reads the answer, no cookies needed: the attacker's page runs the client as is.
      return {
        rule: finding.security,
        label: `read from ${ATTACKER_ORIGIN}`,
        pageOrigin: ATTACKER_ORIGIN,
        options: {},
        note: undefined,
      };
    case 'no-null-origin':
      return {
        rule: finding.security,
        label: 'read from a sandboxed iframe (Origin: null)',
        pageOrigin: APP_ORIGIN,
        options: { sandboxedFrom: APP_ORIGIN },
        note: undefined,
      };
    case 'no-unsafe-origin-check': {
      const example = attackerExample(finding);
      if (!example) return `the message names no attacker origin: ${finding.message}`;
      const page = attackerPageOrigin(example);
      const note = page.downgraded
        ? `the finding's example ${example} is https; the attacker page is served over http`
        : undefined;
      return {
        rule: finding.security,
        label: `read from ${page.origin}`,
        pageOrigin: page.origin,
        options: {},
        note,
      };
    }
    case undefined:
      return `not a security finding: ${describeFinding(finding)}`;
    default: {
      const unknown: never = finding.security;
      return `no attack for the security rule ${String(unknown)}`;
    }
  }
}

/** Host names the browser must map to the attacker server for this scenario's attacks. */
export function attackerHosts(sources: ScenarioSources): string[] {
  return observable(lintScenario(sources)).flatMap((finding) => {
    if (finding.effect?.kind === 'cached-for-another-origin')
      return [new URL(SAME_SITE_APP_ORIGIN).hostname];
    const attack = finding.security ? attackFor(finding) : undefined;
    return attack && typeof attack !== 'string' ? [new URL(attack.pageOrigin).hostname] : [];
  });
}

// ---------------------------------------------------------------------------------------------
// The verdict

export interface ScenarioResult {
  readonly name: string;
  readonly findings: readonly Finding[];
  /** The linter's prediction, one phrase per checked finding. */
  readonly predicted: string;
  readonly before: string;
  readonly afterFix: string;
  readonly attacks: string;
  readonly fixSteps: readonly string[];
  readonly notes: readonly string[];
  /** Every way the browser disagreed with the linter; empty when they agree. */
  readonly problems: readonly string[];
}

function consoleBlock(lines: readonly string[]): string {
  return lines.length === 0
    ? '    (no console lines)'
    : lines.map((line) => `    ${line}`).join('\n');
}

/** The headers the server really sent on the preflight (if any) and on the request itself. */
function headerBlock(exchanges: readonly RecordedExchange[]): string {
  const shown = [
    exchanges.find((exchange) => exchange.method === 'OPTIONS'),
    mainResponse(exchanges),
  ].filter((e): e is RecordedExchange => e !== undefined);
  if (shown.length === 0) return '    (the server saw no request)';
  return shown
    .map((exchange) =>
      [
        `    ${exchange.method} ${exchange.path} → ${exchange.status ?? '?'}`,
        ...Object.entries(exchange.headers ?? {}).map(([name, value]) => `      ${name}: ${value}`),
      ].join('\n'),
    )
    .join('\n');
}

function exchangesLine(exchanges: readonly RecordedExchange[]): string {
  return (
    exchanges
      .map(
        (exchange) =>
          `${exchange.method} ${exchange.path} (Origin: ${exchange.origin ?? 'none'}) → ${exchange.status ?? '?'}`,
      )
      .join(', ') || 'none'
  );
}

export async function runScenario(env: Environment, scenario: Scenario): Promise<ScenarioResult> {
  const problems: string[] = [];
  const notes: string[] = [];
  const findings = lintScenario(scenario.sources);
  const checked = observable(findings);
  for (const finding of findings)
    if (!checked.includes(finding))
      notes.push(`not checked in the browser (no visible effect): ${describeFinding(finding)}`);

  const blocked = checked.filter((finding) => finding.effect?.kind === 'blocked');
  const warnings = checked.filter((finding) => finding.effect?.kind === 'warning');
  const issueOf = (finding: Finding) =>
    finding.effect?.kind === 'warning' ? finding.effect.chromiumIssue : undefined;
  const expectedIssues = warnings
    .map(issueOf)
    .filter((issue): issue is string => issue !== undefined);
  const consoleWarnings = warnings.filter((finding) => issueOf(finding) === undefined);
  const hidden = checked.some((finding) => finding.effect?.kind === 'hidden-headers');
  const preflight = checked.some((finding) => finding.effect?.kind === 'preflight-not-cached');
  const cachedBriefly = checked.some(
    (finding) => finding.effect?.kind === 'preflight-cached-briefly',
  );
  const cacheEffects = CACHE_EFFECTS.map((effect) => ({
    effect,
    findings: checked.filter((finding) => finding.effect?.kind === effect.kind),
  })).filter(({ findings }) => findings.length > 0);
  const client = clientFindings(checked);
  const repeat = preflight || cachedBriefly ? 2 : 1;
  for (const finding of checked) {
    const kind = finding.effect?.kind;
    if (kind !== undefined && !KNOWN_EFFECTS.has(kind))
      problems.push(
        `the runner does not know how to check the effect '${kind}' of ${describeFinding(finding)}`,
      );
  }
  if (cachedBriefly)
    notes.push(
      'preflight-cached-briefly: only the sharing of one preflight by back-to-back requests is checked; its 5-second expiry would need a wait',
    );
  const evidence = (label: string, observation: Observation) =>
    `${label}: ${observation.outcomes.map(describeOutcome).join('; ')}\n  requests: ${exchangesLine(observation.exchanges)}\n  console:\n${consoleBlock(observation.console)}\n  DevTools issues: ${observation.issues.join(', ') || 'none'}\n  response headers sent:\n${headerBlock(observation.exchanges)}`;

  // ---- before the fix: the app page runs the client.
  const before = await observe(env, scenario.dir, scenario.sources, APP_ORIGIN, {
    repeat,
    awaitIssues: expectedIssues,
  });
  const first = before.outcomes[0];
  const corsLines = before.console.filter(isCorsLine);
  const beforeProblems: string[] = [];
  if (blocked.length > 0) {
    const failures = blocked
      .map(failureOf)
      .filter((failure): failure is BrowserFailure => failure !== undefined);
    if (succeeded(first))
      beforeProblems.push(
        `the linter predicts a blocked request (${failures.join(' or ')}), but Chromium let it through`,
      );
    const reasonLine = corsLines.find(isBlockedLine);
    if (!reasonLine)
      beforeProblems.push(
        `no "blocked by CORS policy" console line; expected ${failures.join(' or ')}`,
      );
    else if (!failures.some((failure) => matchesConsoleLine(failure, 'chrome', reasonLine))) {
      beforeProblems.push(
        `Chromium's reason does not match any predicted one (${failures.join(', ')}): ${reasonLine}`,
      );
    }
  } else {
    if (!succeeded(first) && client.throws.length === 0)
      beforeProblems.push(
        `the linter predicts success, but the request failed: ${describeOutcome(first)}`,
      );
    const unexpected = corsLines.filter(
      (line) =>
        !consoleWarnings.some((finding) => matchesConsoleLine(failureOf(finding)!, 'chrome', line)),
    );
    if (unexpected.length > 0)
      beforeProblems.push(`unexpected CORS console line(s): ${unexpected.join(' | ')}`);
  }
  for (const finding of consoleWarnings) {
    const failure = failureOf(finding)!;
    if (!corsLines.some((line) => matchesConsoleLine(failure, 'chrome', line)))
      beforeProblems.push(`no console warning matching ${failure} (${describeFinding(finding)})`);
  }
  for (const issue of expectedIssues) {
    if (!before.issues.includes(issue))
      beforeProblems.push(
        `no DevTools issue ${issue}; Chromium reported: ${before.issues.join(', ') || 'none'}`,
      );
  }
  if (hidden && succeeded(first)) {
    const visible = readableHeaders(first);
    const leaked = nonSafelisted(mainResponse(before.exchanges)).filter((name) =>
      visible.has(name),
    );
    if (leaked.length > 0)
      beforeProblems.push(
        `the linter predicts hidden response headers, but the page read ${leaked.join(', ')}`,
      );
  }
  if (preflight) {
    const options = countMethod(before.exchanges, 'OPTIONS');
    if (options !== 2)
      beforeProblems.push(
        `the linter predicts an uncached preflight, but two requests sent ${options} OPTIONS`,
      );
  } else if (cachedBriefly) {
    const options = countMethod(before.exchanges, 'OPTIONS');
    if (options !== 1)
      beforeProblems.push(
        `the linter predicts a preflight cached for the default 5 s, but two back-to-back requests sent ${options} OPTIONS`,
      );
  }

  if (hasClientFindings(client)) {
    const verdict = await checkClientBefore(client, before, scenario.dir);
    beforeProblems.push(...verdict.problems);
    notes.push(...verdict.notes);
  }
  // `strict` reports every preflight trigger (no-accidental-preflight's `all`): with none reported, none may be sent.
  if (
    scenario.sources.config === 'strict' &&
    client.preflights.length === 0 &&
    countMethod(before.exchanges, 'OPTIONS') > 0
  ) {
    beforeProblems.push(
      `the linter (strict) reports no preflight trigger, but ${countMethod(before.exchanges, 'OPTIONS')} OPTIONS arrived`,
    );
  }

  for (const { effect, findings } of cacheEffects) {
    const problem = effect.problem(
      await effect.observe(env, scenario.dir, scenario.sources),
      findings,
    );
    if (problem) beforeProblems.push(problem);
    else notes.push(effect.seen);
  }

  // ---- attacks, before the fix.
  const attacks: Attack[] = [];
  const attackSummaries: string[] = [];
  for (const finding of checked.filter((f) => f.security !== undefined)) {
    const attack = attackFor(finding);
    if (typeof attack === 'string') {
      beforeProblems.push(`cannot run the attack for ${describeFinding(finding)}: ${attack}`);
      continue;
    }
    if (attack.note) notes.push(attack.note);
    attacks.push(attack);
    const observation = await observe(
      env,
      scenario.dir,
      scenario.sources,
      attack.pageOrigin,
      attack.options,
    );
    const ok = readable(observation.outcomes[0]);
    attackSummaries.push(
      `${attack.rule}: ${attack.label}: before ${ok ? 'read the response' : 'blocked'}`,
    );
    if (!ok)
      beforeProblems.push(
        `the linter reports ${describeFinding(finding)}, but the attack failed.\n${evidence(attack.label, observation)}`,
      );
  }
  if (beforeProblems.length > 0)
    problems.push(
      ...beforeProblems.map((problem) => `before the fix: ${problem}`),
      evidence('app request before the fix', before),
    );

  // ---- after the fix.
  let afterFix = '—';
  let fix: FixResult | undefined;
  if (checked.length > 0) {
    fix = fixScenario(scenario.sources);
    if (fix.noFixOffered) {
      afterFix = `no fix offered for ${describeFinding(fix.noFixOffered)}`;
      notes.push(afterFix);
    } else {
      const afterProblems: string[] = [];
      if (fix.remaining.length > 0)
        afterProblems.push(
          `the linter still reports ${fix.remaining.map(describeFinding).join(', ')}`,
        );
      const dir = writeFixedCopy(scenario.dir, env.workRoot, fix.sources);
      const after = await observe(env, dir, fix.sources, APP_ORIGIN, { repeat });
      const outcome = after.outcomes[0];
      if (!succeeded(outcome))
        afterProblems.push(`the fixed request failed: ${describeOutcome(outcome)}`);
      const lines = after.console.filter(isCorsLine);
      if (lines.length > 0)
        afterProblems.push(`CORS console line(s) after the fix: ${lines.join(' | ')}`);
      // Issues are not ordered with the console marker: this sees those reported by the time the page is done.
      const stillIssued = expectedIssues.filter((issue) => after.issues.includes(issue));
      if (stillIssued.length > 0)
        afterProblems.push(`DevTools issue(s) after the fix: ${stillIssued.join(', ')}`);
      if (preflight || cachedBriefly) {
        const options = countMethod(after.exchanges, 'OPTIONS');
        if (options !== 1)
          afterProblems.push(
            `after the fix two requests sent ${options} OPTIONS, expected 1 (preflight cached)`,
          );
      }
      if (hidden && succeeded(outcome)) {
        const response = mainResponse(after.exchanges);
        const expected = new Set(exposedByResponse(response));
        const visible = readableHeaders(outcome);
        const wrong = nonSafelisted(response).filter(
          (name) => visible.has(name) !== expected.has(name),
        );
        if (wrong.length > 0)
          afterProblems.push(
            `readable headers after the fix differ from what Access-Control-Expose-Headers allows: ${wrong.join(', ')}`,
          );
        notes.push(
          `after the fix the page reads: ${[...expected].join(', ') || 'no non-safelisted header'}`,
        );
      }
      for (const attack of attacks) {
        const observation = await observe(env, dir, fix.sources, attack.pageOrigin, attack.options);
        const ok = readable(observation.outcomes[0]);
        const index = attacks.indexOf(attack);
        attackSummaries[index] =
          `${attackSummaries[index]}, after ${ok ? 'read the response' : 'blocked'}`;
        if (ok)
          afterProblems.push(
            `the attack still reads the response after the fix (${attack.label}).\n${evidence(attack.label, observation)}`,
          );
      }
      if (hasClientFindings(client)) {
        const verdict = await checkClientAfter(client, before, after, dir);
        afterProblems.push(...verdict.problems);
        notes.push(...verdict.notes);
      }
      for (const { effect } of cacheEffects) {
        const problem = effect.fixProblem(await effect.observe(env, dir, fix.sources));
        if (problem) afterProblems.push(problem);
      }
      afterFix = succeeded(outcome)
        ? `resolved ${outcome.status}${readText(outcome)}${lines.length === 0 ? ', no CORS console line' : ''}`
        : describeOutcome(outcome);
      if (client.preflights.length > 0)
        afterFix += `; ${countMethod(after.exchanges, 'OPTIONS')} OPTIONS`;
      if (preflight || cachedBriefly)
        afterFix += `; ${countMethod(after.exchanges, 'OPTIONS')} OPTIONS for 2 requests`;
      if (afterProblems.length > 0)
        problems.push(
          ...afterProblems.map((problem) => `after the fix: ${problem}`),
          evidence('app request after the fix', after),
        );
    }
  }

  const beforeText = succeeded(first)
    ? `resolved ${first.status}${readText(first)}${corsLines.length ? `; console: ${corsLines.map(shortReason).join(' / ')}` : ', no CORS console line'}${
        hidden
          ? `; hidden: ${nonSafelisted(mainResponse(before.exchanges))
              .filter((n) => !readableHeaders(first).has(n))
              .join(', ')}`
          : ''
      }${preflight || cachedBriefly ? `; ${countMethod(before.exchanges, 'OPTIONS')} OPTIONS for 2 requests` : ''}`
    : `failed: ${corsLines.filter(isBlockedLine).map(shortReason).join(' / ') || describeOutcome(first)}`;
  const clientText =
    client.preflights.length > 0 ? `; ${countMethod(before.exchanges, 'OPTIONS')} OPTIONS` : '';
  return {
    name: scenario.name,
    findings,
    predicted: checked.length === 0 ? 'silent: succeeds' : checked.map(describeFinding).join('; '),
    before: beforeText + clientText,
    afterFix,
    attacks: attackSummaries.join('; ') || '—',
    fixSteps: fix?.steps.map((step) => `${step.finding}: ${step.applied}`) ?? [],
    notes,
    problems,
  };
}

/** What the script read, when the client returns a read rather than the Response. */
function readText(outcome: Extract<FetchOutcome, { ok: true }>): string {
  return outcome.read === undefined ? '' : ` (${outcome.type}), the script read ${outcome.read}`;
}

/** The reason part of a Chromium CORS line. */
function shortReason(line: string): string {
  const reason = /blocked by CORS policy: (.*)$/.exec(line)?.[1] ?? line.replace(/^\w+: /, '');
  return reason.length > 140 ? `${reason.slice(0, 137)}…` : reason;
}

/** What the server-side edit of a `project-…` scenario did in Chromium. */
export interface ServerEditResult {
  readonly steps: readonly FixStep[];
  readonly problems: readonly string[];
}

/**
 * A `project-…` scenario repaired on the server's side instead (the edit the language server offers
 * on the client's finding): the client, unchanged, must now get its response, with no CORS line on
 * the console. Undefined for another scenario, or when its first finding has no server edit.
 */
export async function checkServerEdit(
  env: Environment,
  scenario: Scenario,
): Promise<ServerEditResult | undefined> {
  if (scenario.sources.project === undefined) return undefined;
  const fixed = fixScenarioOnServer(scenario.dir, env.workRoot, scenario.sources);
  if (!fixed) return undefined;
  const problems: string[] = [];
  if (fixed.remaining.length > 0)
    problems.push(
      `the linter still reports after the server edit: ${fixed.remaining.map(describeFinding).join('; ')}`,
    );
  const after = await observe(env, fixed.dir, fixed.sources, APP_ORIGIN);
  const outcome = after.outcomes[0];
  if (!succeeded(outcome))
    problems.push(`the request still fails after the server edit: ${describeOutcome(outcome)}`);
  const lines = after.console.filter(isCorsLine);
  if (lines.length > 0)
    problems.push(`CORS console line(s) after the server edit: ${lines.join(' | ')}`);
  if (problems.length > 0)
    problems.push(`edited server.js:\n${fixed.sources.server}\n${exchangesLine(after.exchanges)}`);
  return { steps: fixed.steps, problems };
}
