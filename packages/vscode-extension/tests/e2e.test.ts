/**
 * End to end in real VS Code: code-server 4.100.3 (VS Code 1.100, Node extension host) with the freshly
 * packaged .vsix in a fresh profile, driven through headless Chromium. Installs code-server into
 * node_modules/.cache on first run (scripts/ensure-code-server.mjs). Screenshots of every step go to
 * .test-output/vscode-e2e/, timings and memory to .test-output/vscode-e2e/metrics.json.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
// Core's own definition (a pure module), as the catalog test holds every message to it.
import { FIRST_SENTENCE_MAX, firstSentence } from '../../core/src/messages/first-sentence.js';
import { ensureCodeServer } from '../scripts/ensure-code-server.mjs';
import {
  createProfile,
  groupMemory,
  installExtension,
  startCodeServer,
  type CodeServer,
} from './helpers/code-server.js';

const PACKAGE = fileURLToPath(new URL('../', import.meta.url));
const REPO = path.resolve(PACKAGE, '../..');
const OUTPUT = path.join(REPO, '.test-output', 'vscode-e2e');
const WORKSPACE = path.join(OUTPUT, 'workspace');
const FILE = path.join(WORKSPACE, 'server.js');
/** The demo's nginx config and Django settings, as the repository holds them. */
const NGINX = fs.readFileSync(
  path.join(REPO, 'test-fixtures', 'demo', 'deploy', 'nginx.conf'),
  'utf8',
);
const SETTINGS = fs.readFileSync(
  path.join(REPO, 'test-fixtures', 'demo', 'backoffice', 'settings.py'),
  'utf8',
);

const ROW = '.markers-panel .monaco-list-row';
const MENU_ROW = '.action-widget .monaco-list-row';
const HOVER = '.monaco-hover:not(.hidden)';

/** Written into the workspace for these tests only: two fixable problems of one rule. */
const PARTNERS = `// Partner API.
import express from 'express';
import cors from 'cors';

export const app = express();
app.use('/partners', cors({ methods: 'GET POST', allowedHeaders: 'Content-Type X-Partner' }));
`;
/** Thousands of cors() registrations: far over the least time budget, 100 ms, to check. */
const BUNDLE = `import express from 'express';\nimport cors from 'cors';\n\nconst app = express();\n${Array.from(
  { length: 6000 },
  (_, i) =>
    `app.use('/v${i}', cors({ origin: ['https://shop${i}.example.com'], credentials: true }));\n`,
).join('')}`;
/** No problem until ' POST' is typed after GET. */
const CHECKOUT = `// Checkout API.
import express from 'express';
import cors from 'cors';

export const app = express();
app.use('/checkout', cors({ methods: 'GET' }));
`;

let server: CodeServer | undefined;
let browser: Browser | undefined;
let page: Page;
const metrics: Record<string, unknown> = {};

function run(command: string, args: string[], cwd: string): void {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', timeout: 180_000 });
  if (result.status !== 0)
    throw new Error(
      `${command} ${args.join(' ')} failed (${result.status}):\n${result.stdout}\n${result.stderr}`,
    );
}

async function shot(name: string): Promise<void> {
  await page.screenshot({ path: path.join(OUTPUT, `${name}.png`) });
}

/** Resolves on the workbench's next rendered frame: polling paced by the page, not a fixed sleep. */
async function nextFrame(): Promise<void> {
  await page.evaluate('new Promise((resolve) => requestAnimationFrame(() => resolve(undefined)))');
}

/** The Problems panel's rows, as text ("message cors(cors/rule) [Ln 15, Col 40]"). */
async function problemRows(): Promise<string[]> {
  return page.locator(ROW).allTextContents();
}

/**
 * What the step is waiting for, and what it saw last: the waits below have no deadline of their own
 * (the test's timeout stops a hung editor, however slow a loaded machine is), so a failed step
 * reports this instead.
 */
let waiting: { what: string; seen: string } | undefined;

async function waitForProblems(
  predicate: (rows: string[]) => boolean,
  what: string,
): Promise<string[]> {
  for (;;) {
    const rows = await problemRows();
    waiting = { what: `Problems panel: ${what}`, seen: rows.join('\n') };
    if (predicate(rows)) return rows;
    await nextFrame();
  }
}

const count = (rows: string[], rule: string) =>
  rows.filter((row) => row.includes(`cors/${rule}`)).length;

/** The rows of `rule` at line:column (the panel lists every open file's problems). */
const countAt = (rows: string[], rule: string, line: number, column: number) =>
  rows.filter((row) => row.includes(`cors/${rule}`) && row.includes(`[Ln ${line}, Col ${column}]`))
    .length;

/** The rule ids VS Code shows in the Problems panel (`cors(cors/<rule>)` renders the code apart). */
async function markerCodes(): Promise<string[]> {
  return page.locator(`${ROW} .marker-code`).allTextContents();
}

/** Shows the Problems panel unless it is already shown (its shortcut toggles it). */
async function showProblems(): Promise<void> {
  if (!(await page.locator('.markers-panel').isVisible()))
    await page.keyboard.press('Control+Shift+M');
  await page.locator('.markers-panel').waitFor({ state: 'visible' });
}

/** Waits until the status bar names the active editor's language `expected` (a wrong id shows in the failure). */
async function languageMode(expected: string): Promise<void> {
  const item = page.locator('[id="status.editor.mode"]');
  for (;;) {
    const text = ((await item.textContent()) ?? '').trim();
    waiting = { what: `the language mode ${expected}`, seen: text };
    if (text === expected) return;
    await nextFrame();
  }
}

/** Waits until the file on disk satisfies `predicate` (VS Code saves asynchronously), and returns its text. */
async function waitForFile(
  file: string,
  predicate: (text: string) => boolean,
  what: string,
): Promise<string> {
  for (;;) {
    const text = fs.readFileSync(file, 'utf8');
    waiting = { what: `${path.basename(file)}: ${what}`, seen: text };
    if (predicate(text)) return text;
    await nextFrame();
  }
}

/** Merges `patch` into the workspace's .vscode/settings.json. */
function updateWorkspaceSettings(patch: Record<string, unknown>): void {
  const file = path.join(WORKSPACE, '.vscode', 'settings.json');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const current = fs.existsSync(file)
    ? (JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>)
    : {};
  fs.writeFileSync(file, `${JSON.stringify({ ...current, ...patch }, null, 2)}\n`);
}

/** Selects the quick-fix menu's row titled `title` with the keyboard (a click lands on the menu's pointer block) and applies it. */
async function chooseFromMenu(title: string): Promise<void> {
  const rows = await page.locator(MENU_ROW).allTextContents();
  if (!rows.includes(title))
    throw new Error(`no "${title}" in the quick-fix menu: ${rows.join(' | ')}`);
  for (let step = 0; step <= rows.length; step++) {
    if ((await page.locator(`${MENU_ROW}.focused`).textContent()) === title) {
      await page.keyboard.press('Enter');
      await page.locator(MENU_ROW).first().waitFor({ state: 'hidden' });
      return;
    }
    await page.keyboard.press('ArrowDown');
  }
  throw new Error(`could not select "${title}" in the quick-fix menu`);
}

/** Runs a command by its Command Palette title. */
async function runCommand(title: string): Promise<void> {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(`>${title}`);
  await page
    .locator('.quick-input-widget .monaco-list-row', { hasText: title })
    .first()
    .waitFor({ state: 'visible' });
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
}

/**
 * The text of the language status hover (the `{}` entry in the status bar), once it contains
 * `expected` and none of `absent`. The hover follows the item while it is open.
 */
async function languageStatus(expected: string, absent: readonly string[] = []): Promise<string> {
  const entry = page.locator('[id="status.languageStatus"]');
  const hover = page.locator('.hover-language-status').filter({ hasText: 'Show output' });
  for (;;) {
    if (!(await hover.isVisible())) await entry.click();
    await hover.waitFor({ state: 'visible' });
    const text = ((await hover.textContent()) ?? '').replaceAll('\u00a0', ' ');
    waiting = {
      what: `"${expected}"${absent.map((gone) => ` without "${gone}"`).join('')} in the language status`,
      seen: text,
    };
    if (text.includes(expected) && !absent.some((gone) => text.includes(gone))) return text;
    await nextFrame();
  }
}

/** The CORS output channel's log file in the profile (the Output view shows the same lines). */
function corsLogFile(): string | undefined {
  const logs = path.join(server?.userDataDir ?? '', 'logs');
  const found = fs.existsSync(logs)
    ? (fs.readdirSync(logs, { recursive: true }) as string[]).filter(
        (entry) => path.basename(entry) === 'CORS.log',
      )
    : [];
  return found.length === 0 ? undefined : path.join(logs, found.sort().at(-1)!);
}

/** Quick Open (Ctrl+P) on a file name; returns when Enter was pressed. */
async function openFile(name: string): Promise<number> {
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(name);
  await page
    .locator('.quick-input-widget .monaco-list-row', { hasText: name })
    .first()
    .waitFor({ state: 'visible' });
  const opened = Date.now();
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
  return opened;
}

async function goTo(line: number, column: number): Promise<void> {
  await page.keyboard.press('Control+G');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  // Ctrl+G opens the quick input in go-to-line mode, whose value starts with ':'.
  await input.fill(`:${line}:${column}`);
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
}

/**
 * Opens the quick-fix menu at the cursor and returns its rows' text. Moving the cursor starts an
 * automatic code-action request (the light bulb), which can cancel the one Ctrl+. starts; VS Code then
 * says "No code actions available". So wait for either outcome and ask again after the second.
 */
async function quickFixMenu(): Promise<string[]> {
  const menu = page.locator(MENU_ROW).first();
  const none = page.locator('.monaco-editor-overlaymessage', {
    hasText: 'No code actions available',
  });
  for (let attempt = 1; ; attempt++) {
    await page.keyboard.press('Control+.');
    // No timeout of its own (0): it waits for the state, and the test's timeout stops a hung editor.
    await menu.or(none).first().waitFor({ state: 'visible', timeout: 0 });
    if (await menu.isVisible()) return page.locator(MENU_ROW).allTextContents();
    if (attempt === 5) throw new Error('the quick-fix menu stayed empty after 5 attempts');
    await page.keyboard.press('Escape');
    await none.waitFor({ state: 'hidden' });
  }
}

describe('VS Code extension in code-server', () => {
  beforeAll(async () => {
    const bin = ensureCodeServer();
    fs.rmSync(OUTPUT, { recursive: true, force: true });
    fs.mkdirSync(OUTPUT, { recursive: true });
    // The artefact users install: bundled, minified, packaged by vsce.
    const vsix = path.join(OUTPUT, 'cors.vsix');
    run(process.execPath, ['esbuild.mjs', '--minify'], PACKAGE);
    run(
      path.join(PACKAGE, 'node_modules', '.bin', 'vsce'),
      ['package', '--no-dependencies', '--out', vsix],
      PACKAGE,
    );
    fs.cpSync(path.join(REPO, 'test-fixtures', 'demo'), WORKSPACE, { recursive: true });
    fs.writeFileSync(path.join(WORKSPACE, 'partners.js'), PARTNERS);
    fs.writeFileSync(path.join(WORKSPACE, 'checkout.js'), CHECKOUT);
    // Before code-server starts: Quick Open does not find a file created after its first search.
    fs.writeFileSync(path.join(WORKSPACE, 'bundle.js'), BUNDLE);
    const profile = createProfile(path.join(OUTPUT, 'profile'));
    installExtension(bin, profile, vsix);
    server = await startCodeServer(bin, profile, WORKSPACE, OUTPUT);
    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--disable-dev-shm-usage',
      ],
    });
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    // Every wait is for a state; the test's timeout, not Playwright's 30 s, stops a hung editor.
    page.setDefaultTimeout(0);
    const started = Date.now();
    await page.goto(`${server.url}?folder=${encodeURIComponent(WORKSPACE)}`);
    await page.locator('.monaco-workbench').waitFor();
    // Explorer rows appear once the remote file system is connected.
    await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor();
    metrics.workbenchReadyMs = Date.now() - started;
  }, 900_000);

  afterEach(async (context) => {
    // What the workbench looked like when a step failed, and what it was waiting for.
    if (context.task.result?.state === 'fail') {
      await shot(`failed-${context.task.name.slice(0, 40).replaceAll(/\W+/g, '-')}`).catch(
        () => undefined,
      );
      if (waiting) console.error(`Waiting for ${waiting.what}; last seen:\n${waiting.seen}`);
    }
    waiting = undefined;
  });

  afterAll(async () => {
    await browser?.close().catch(() => undefined);
    await server?.stop();
    fs.writeFileSync(path.join(OUTPUT, 'metrics.json'), `${JSON.stringify(metrics, null, 2)}\n`);
  });

  it('lists the fixture’s CORS problems with their rule ids in the Problems panel', async () => {
    await page.keyboard.press('Control+Shift+M');
    await page.locator('.markers-panel').waitFor({ state: 'visible' });
    const opened = await openFile('server.js');
    const rows = await waitForProblems(
      (r) => r.some((row) => row.includes('cors/')),
      'a CORS problem',
    );
    metrics.openToFirstProblemMs = Date.now() - opened;
    const all = await waitForProblems(
      (r) =>
        count(r, 'valid-header-values') === 2 &&
        count(r, 'valid-allow-origin') === 1 &&
        count(r, 'no-null-origin') === 1,
      'the four problems of server.js',
    );
    expect(rows.length).toBeGreaterThan(0);
    expect(all.filter((row) => row.includes('cors/'))).toHaveLength(4);
    expect(all.find((row) => row.includes('cors/valid-allow-origin'))).toContain(
      'ends with a slash',
    );
    await page.locator('.squiggly-error').first().waitFor();
    await shot('1-problems');
    const memory = groupMemory(
      server?.pid ?? 0,
      (args) => args.includes('--type=extensionHost') || args.includes('dist/server.mjs'),
    );
    metrics.extensionHostRssMiB = memory.find((p) =>
      p.args.includes('--type=extensionHost'),
    )?.rssMiB;
    metrics.serverRssMiB = memory.find((p) => p.args.includes('dist/server.mjs'))?.rssMiB;
    metrics.codeServerGroupRssMiB = groupMemory(server?.pid ?? 0, () => true).reduce(
      (sum, p) => sum + p.rssMiB,
      0,
    );
  });

  it('shows each message’s first sentence in the Problems panel, and each piece once in the hover (items 12 and 14)', async () => {
    const rows = page.locator(ROW).filter({ hasText: 'cors/' });
    const total = await rows.count();
    expect(total).toBeGreaterThan(0);
    let originSentence = '';
    for (let i = 0; i < total; i++) {
      const row = rows.nth(i);
      const message = (await row.locator('.marker-message').textContent()) ?? '';
      // The first sentence says what breaks in ≤ 100 characters; the console quotes follow.
      const sentence = firstSentence(message);
      expect(sentence.length, message).toBeLessThanOrEqual(FIRST_SENTENCE_MAX);
      expect(sentence.length).toBeLessThan(message.length);
      // VS Code renders source and code as `cors(cors/<rule>)`: the source reads `cors`, the code is the rule id.
      expect(await row.locator('.marker-source').textContent()).toBe('cors');
      const code = (await row.locator('.marker-code').textContent()) ?? '';
      expect(code).toMatch(/^cors\/[a-z-]+$/);
      if (code === 'cors/valid-allow-origin') originSentence = sentence;
    }
    expect(originSentence).not.toBe('');

    // The hover on the trailing slash: VS Code's copy of the diagnostic, then what the server adds.
    await goTo(15, 41);
    await page.keyboard.press('Control+K');
    await page.keyboard.press('Control+I');
    const hover = page
      .locator(HOVER)
      .filter({ hasText: 'Documentation for cors/valid-allow-origin' });
    await hover.waitFor({ state: 'visible' });
    const text = (await hover.textContent()) ?? '';
    await shot('1-hover');
    const occurrences = (piece: string) => text.split(piece).length - 1;
    expect(occurrences(originSentence)).toBe(1);
    expect(occurrences('cors/valid-allow-origin')).toBe(2); // VS Code's `cors(cors/valid-allow-origin)` and the server's documentation link
    expect(occurrences('Documentation for cors/valid-allow-origin')).toBe(1);
    await page.keyboard.press('Escape');
    await hover.waitFor({ state: 'hidden' });
  });

  it('shows a language status item that says the server runs, and opens the output (item 14)', async () => {
    const text = await languageStatus('running');
    await shot('1-language-status');
    expect(text).toContain('CORS');
    await page
      .locator('.hover-language-status', { hasText: 'running' })
      .locator('a, .monaco-link', { hasText: 'Show output' })
      .first()
      .click();
    await page
      .locator('.output-view, [id="workbench.panel.output"]')
      .first()
      .waitFor({ state: 'visible' });
    // Back to the Problems panel for the next steps.
    await page.keyboard.press('Control+Shift+M');
    await page.locator('.markers-panel').waitFor({ state: 'visible' });
  });

  it('offers the autofix and the suggestions in the quick-fix menu', async () => {
    // The trailing slash of 'https://admin.example.com/' (line 15): an autofix.
    await goTo(15, 41);
    const fixes = await quickFixMenu();
    await shot('2-quick-fix-autofix');
    expect(fixes.some((title) => title.startsWith('Fix: '))).toBe(true);
    expect(fixes).toContain('Disable cors/valid-allow-origin for this line');
    // VS Code leaves source actions out of this menu: fix-all is offered as a quick fix too.
    expect(fixes).toContain('Fix all auto-fixable CORS problems');
    await page.keyboard.press('Escape');
    await page.locator(MENU_ROW).first().waitFor({ state: 'hidden' });
    // 'null' (same line): a suggestion, titled with its rule.
    const line = fs.readFileSync(FILE, 'utf8').split('\n')[14] ?? '';
    await goTo(15, line.indexOf("'null'") + 2);
    const suggestions = await quickFixMenu();
    await shot('2-quick-fix-suggestion');
    expect(suggestions).toContain("Remove 'null' from the allowed origins (cors/no-null-origin)");
    await page.keyboard.press('Escape');
    await page.locator(MENU_ROW).first().waitFor({ state: 'hidden' });
  });

  it('applies the autofix: the problem leaves the panel and the text changes', async () => {
    await goTo(15, 41);
    await quickFixMenu();
    // The autofix is the preferred action: the first one under the "Quick Fix" header, selected, applied by Enter.
    expect(await page.locator(`${MENU_ROW}.focused`).textContent()).toMatch(/^Fix: /);
    await page.keyboard.press('Enter');
    const rows = await waitForProblems(
      (r) => count(r, 'valid-allow-origin') === 0,
      'valid-allow-origin gone',
    );
    expect(count(rows, 'no-null-origin')).toBe(1);
    await page.keyboard.press('Control+S');
    await waitForFile(
      FILE,
      (text) => text.includes("'https://admin.example.com', 'null'"),
      'saved with the fix',
    );
    expect(fs.readFileSync(FILE, 'utf8')).not.toContain("'https://admin.example.com/'");
    await shot('3-after-autofix');
  });

  it('turns a rule off when cors.rules changes, without a reload', async () => {
    fs.mkdirSync(path.join(WORKSPACE, '.vscode'), { recursive: true });
    fs.writeFileSync(
      path.join(WORKSPACE, '.vscode', 'settings.json'),
      `${JSON.stringify({ 'cors.rules': { 'cors/no-null-origin': 'off' } }, null, 2)}\n`,
    );
    const rows = await waitForProblems(
      (r) => count(r, 'no-null-origin') === 0,
      'no-null-origin gone',
    );
    expect(count(rows, 'valid-header-values')).toBe(2);
    await shot('4-rule-off');
  });

  it('fixes all auto-fixable problems from the Command Palette', async () => {
    await page.keyboard.press('F1');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible' });
    await input.fill('>CORS: Fix all auto-fixable problems');
    await page
      .locator('.quick-input-widget .monaco-list-row', {
        hasText: 'CORS: Fix all auto-fixable problems',
      })
      .first()
      .waitFor({ state: 'visible' });
    await page.keyboard.press('Enter');
    await waitForProblems(
      (r) => count(r, 'valid-header-values') === 0,
      'valid-header-values fixed',
    );
    await page.keyboard.press('Control+S');
    await waitForFile(
      FILE,
      (text) =>
        text.includes("methods: 'GET, POST, PUT, DELETE',") && text.includes("maxAge: '600',"),
      'saved with the fixes',
    );
    await shot('5-fix-all');
  });

  it('lints a second file as soon as it opens (server already running)', async () => {
    const opened = await openFile('catalog.js');
    await waitForProblems(
      (r) => count(r, 'no-wildcard-origin-with-credentials') === 1,
      'the wildcard-with-credentials problem of routes/catalog.js',
    );
    metrics.warmOpenToProblemMs = Date.now() - opened;
  });

  it('offers "Fix all cors/<rule> problems" in the quick-fix menu when a rule has several, and it fixes them (item 14)', async () => {
    await openFile('partners.js');
    await waitForProblems(
      (r) => count(r, 'valid-header-values') === 2,
      'the two valid-header-values problems of partners.js',
    );
    const line = PARTNERS.split('\n')[5] ?? '';
    await goTo(6, line.indexOf("'GET POST'") + 2);
    const menu = await quickFixMenu();
    await shot('6-fix-all-rule');
    expect(menu).toContain('Fix all cors/valid-header-values problems');
    expect(menu).toContain('Fix all auto-fixable CORS problems');
    await chooseFromMenu('Fix all cors/valid-header-values problems');
    await waitForProblems(
      (r) => count(r, 'valid-header-values') === 0,
      'both valid-header-values problems fixed',
    );
    await page.keyboard.press('Control+S');
    const saved = await waitForFile(
      path.join(WORKSPACE, 'partners.js'),
      (text) => text.includes("'GET,"),
      'the saved fixes',
    );
    expect(saved).toBe(
      PARTNERS.replace("'GET POST'", "'GET, POST'").replace(
        "'Content-Type X-Partner'",
        "'Content-Type, X-Partner'",
      ),
    );
  });

  it('lints an nginx config (language nginx), and applies its suggestion and its autofix', async () => {
    await showProblems();
    await openFile('nginx.conf');
    // The extension contributes the nginx language for `nginx.conf` (code-server has no nginx grammar).
    await languageMode('nginx');
    // The snippet most guides give: the `if`'s add_header drops the location's three CORS headers,
    // and the ACAO line lacks `always`.
    await waitForProblems(
      (r) =>
        countAt(r, 'nginx-no-dropped-cors-headers', 27, 17) === 1 &&
        countAt(r, 'nginx-require-always', 23, 13) === 1,
      'the two nginx problems of deploy/nginx.conf',
    );
    expect(await markerCodes()).toEqual(
      expect.arrayContaining(['cors/nginx-no-dropped-cors-headers', 'cors/nginx-require-always']),
    );
    await shot('7-nginx-problems');
    await goTo(27, 17);
    const menu = await quickFixMenu();
    await shot('7-nginx-quick-fix');
    expect(menu).toContain(
      'Repeat the 3 inherited CORS header line(s) here (cors/nginx-no-dropped-cors-headers)',
    );
    await chooseFromMenu(
      'Repeat the 3 inherited CORS header line(s) here (cors/nginx-no-dropped-cors-headers)',
    );
    await waitForProblems(
      (r) => count(r, 'nginx-no-dropped-cors-headers') === 0,
      'nginx-no-dropped-cors-headers gone',
    );
    // The autofix: the preferred action, first and selected.
    await goTo(23, 13);
    await quickFixMenu();
    expect(await page.locator(`${MENU_ROW}.focused`).textContent()).toMatch(/^Fix: /);
    await page.keyboard.press('Enter');
    await waitForProblems(
      (r) => count(r, 'nginx-require-always') === 0,
      'nginx-require-always gone',
    );
    await page.keyboard.press('Control+S');
    const file = path.join(WORKSPACE, 'deploy', 'nginx.conf');
    // Saved once both edits are on disk (the images location had `always` already).
    const saved = await waitForFile(
      file,
      (text) =>
        text.includes("'https://shop.example.com' always;") &&
        text.split("'Access-Control-Allow-Methods'").length === 3,
      'the saved fixes',
    );
    const origin = "add_header 'Access-Control-Allow-Origin' 'https://shop.example.com';";
    const inherited = [
      origin,
      "add_header 'Access-Control-Allow-Methods' 'GET, POST, OPTIONS';",
      "add_header 'Access-Control-Allow-Headers' 'Authorization, Content-Type';",
    ];
    expect(saved).toBe(
      NGINX.replace(origin, origin.replace(';', ' always;')).replace(
        "                add_header 'Access-Control-Max-Age' 86400;",
        [...inherited, "add_header 'Access-Control-Max-Age' 86400;"]
          .map((line) => `                ${line}`)
          .join('\n'),
      ),
    );
    await shot('7-nginx-fixed');
  });

  it('reads cors.django.corsHeadersVersion: before 3.5.0 CORS_ALLOW_ALL_ORIGINS is dead, not reflecting', async () => {
    await showProblems();
    await openFile('settings.py');
    await languageMode('Python');
    // Line 47 is CORS_ALLOW_ALL_ORIGINS = True, with CORS_ALLOW_CREDENTIALS = True below it.
    await waitForProblems(
      (r) => countAt(r, 'no-reflected-origin-with-credentials', 47, 26) === 1,
      'allow-all with credentials under the newest django-cors-headers',
    );
    updateWorkspaceSettings({ 'cors.django.corsHeadersVersion': '3.4.0' });
    const old = await waitForProblems(
      (r) =>
        countAt(r, 'no-reflected-origin-with-credentials', 47, 26) === 0 &&
        countAt(r, 'no-dead-django-cors-setting', 47, 1) === 1,
      'CORS_ALLOW_ALL_ORIGINS ignored by django-cors-headers 3.4.0',
    );
    expect(old.find((row) => row.includes('no-dead-django-cors-setting'))).toContain(
      'This setting never takes effect',
    );
    await shot('8-django-version');
    // Empty again: the newest facts (the demo pins no version).
    updateWorkspaceSettings({ 'cors.django.corsHeadersVersion': '' });
    await waitForProblems(
      (r) =>
        countAt(r, 'no-reflected-origin-with-credentials', 47, 26) === 1 &&
        countAt(r, 'no-dead-django-cors-setting', 47, 1) === 0,
      'allow-all with credentials again',
    );
  });

  it('lints a Django settings.py (language python), and applies the suggestion', async () => {
    // The suggestion writes the app's origin in place of allow-all.
    updateWorkspaceSettings({ 'cors.appOrigins': ['https://admin.example.com'] });
    await showProblems();
    await openFile('settings.py');
    await languageMode('Python');
    // CORS_ALLOW_ALL_ORIGINS = True with CORS_ALLOW_CREDENTIALS = True (line 47).
    await waitForProblems(
      (r) => countAt(r, 'no-reflected-origin-with-credentials', 47, 26) === 1,
      'the allow-all-with-credentials problem of backoffice/settings.py',
    );
    expect(await markerCodes()).toContain('cors/no-reflected-origin-with-credentials');
    await shot('8-django-problem');
    await goTo(47, 26);
    const title =
      "Allow an explicit list of origins: 'https://admin.example.com' (cors/no-reflected-origin-with-credentials)";
    expect(await quickFixMenu()).toContain(title);
    await chooseFromMenu(title);
    await waitForProblems(
      (r) => countAt(r, 'no-reflected-origin-with-credentials', 47, 26) === 0,
      'the allow-all problem gone',
    );
    await page.keyboard.press('Control+S');
    const saved = await waitForFile(
      path.join(WORKSPACE, 'backoffice', 'settings.py'),
      (text) => text.includes('CORS_ALLOWED_ORIGINS'),
      'the saved suggestion',
    );
    expect(saved).toBe(
      SETTINGS.replace(
        'CORS_ALLOW_ALL_ORIGINS = True',
        "CORS_ALLOWED_ORIGINS = ['https://admin.example.com']",
      ),
    );
    await shot('8-django-fixed');
  });

  it('logs the message trace in the CORS output with cors.trace.server: verbose (item 14)', async () => {
    // The profile sets `cors.trace.server: verbose` (helpers/code-server.ts): every message so far is in the log, with its parameters.
    const file = corsLogFile();
    expect(file, 'a CORS.log in the profile').toBeDefined();
    const log = await waitForFile(
      file!,
      (text) => text.includes("Sending request 'textDocument/codeAction"),
      'a traced code action request',
    );
    expect(log).toContain("Received notification 'textDocument/publishDiagnostics'");
    expect(log).toMatch(/Params: \{/);
    // And the Output view shows it.
    await runCommand('CORS: Show output channel');
    const view = page
      .locator('.output-view .view-lines, [id="workbench.panel.output"] .view-lines')
      .first();
    await view.waitFor({ state: 'visible' });
    await page.keyboard.press('Control+End');
    // Monaco renders spaces as no-break spaces.
    const shown = async () => ((await view.textContent()) ?? '').replaceAll('\u00a0', ' ');
    for (;;) {
      const text = await shown();
      waiting = { what: 'a trace line in the Output view', seen: text };
      if (/(Sending|Received) (request|response|notification) '/.test(text)) break;
      await nextFrame();
    }
    await shot('7-trace');
  });

  it('fix on save fixes what was just typed, saved at once (item 11)', async () => {
    // A ruler is a visible sign that the editor has read the new settings, codeActionsOnSave with them.
    updateWorkspaceSettings({
      'editor.codeActionsOnSave': { 'source.fixAll.cors': 'explicit' },
      'editor.rulers': [100],
    });
    await openFile('checkout.js');
    await page.locator('.monaco-editor .view-ruler').first().waitFor({ state: 'attached' });
    const line = CHECKOUT.split('\n')[5] ?? '';
    await goTo(6, line.indexOf("'GET'") + 5);
    await page.keyboard.type(' POST');
    await page.keyboard.press('Control+S');
    // Written in place: wait for the typed word, then look at what came with it.
    const saved = await waitForFile(
      path.join(WORKSPACE, 'checkout.js'),
      (text) => text.includes('POST'),
      'the save',
    );
    expect(saved).toBe(CHECKOUT.replace("'GET'", "'GET, POST'"));
    await shot('8-fix-on-save');
  });

  it('shows a file stopped by cors.timeBudget in the language status item (item 14)', async () => {
    updateWorkspaceSettings({ 'cors.timeBudget': 100 });
    await openFile('bundle.js');
    const text = await languageStatus('slow file');
    await shot('9-slow-file');
    expect(text).toContain('not checked: it took over 0.1 s (cors.timeBudget)');
    // A settings change gives every file another try: the bundle's entry goes at once and, with a
    // budget no lint here reaches, does not come back (a loaded machine can take the bundle past
    // the default 10 s, which would stop it again).
    updateWorkspaceSettings({ 'cors.timeBudget': 600_000 });
    await page.keyboard.press('Escape');
    await openFile('checkout.js');
    expect(await languageStatus('running', ['slow file'])).not.toContain('slow file');
    // The bundle is linted in full meanwhile: over a minute on a loaded machine.
  }, 600_000);
});
