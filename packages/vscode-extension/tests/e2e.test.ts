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
import { ensureCodeServer } from '../scripts/ensure-code-server.mjs';
import { createProfile, groupMemory, installExtension, startCodeServer, type CodeServer } from './helpers/code-server.js';

const PACKAGE = fileURLToPath(new URL('../', import.meta.url));
const REPO = path.resolve(PACKAGE, '../..');
const OUTPUT = path.join(REPO, '.test-output', 'vscode-e2e');
const WORKSPACE = path.join(OUTPUT, 'workspace');
const FILE = path.join(WORKSPACE, 'server.js');

const ROW = '.markers-panel .monaco-list-row';
const MENU_ROW = '.action-widget .monaco-list-row';

let server: CodeServer | undefined;
let browser: Browser | undefined;
let page: Page;
const metrics: Record<string, unknown> = {};

function run(command: string, args: string[], cwd: string): void {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', timeout: 180_000 });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${result.status}):\n${result.stdout}\n${result.stderr}`);
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

async function waitForProblems(predicate: (rows: string[]) => boolean, what: string, timeout = 20_000): Promise<string[]> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const rows = await problemRows();
    if (predicate(rows)) return rows;
    if (Date.now() > deadline) throw new Error(`Problems panel: ${what} not seen within ${timeout} ms. Rows:\n${rows.join('\n')}`);
    await nextFrame();
  }
}

const count = (rows: string[], rule: string) => rows.filter((row) => row.includes(`cors/${rule}`)).length;

/** Quick Open (Ctrl+P) on a file name; returns when Enter was pressed. */
async function openFile(name: string): Promise<number> {
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(name);
  await page.locator('.quick-input-widget .monaco-list-row', { hasText: name }).first().waitFor({ state: 'visible' });
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
  const none = page.locator('.monaco-editor-overlaymessage', { hasText: 'No code actions available' });
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
    run(path.join(PACKAGE, 'node_modules', '.bin', 'vsce'), ['package', '--no-dependencies', '--out', vsix], PACKAGE);
    fs.cpSync(path.join(REPO, 'test-fixtures', 'demo'), WORKSPACE, { recursive: true });
    const profile = createProfile(path.join(OUTPUT, 'profile'));
    installExtension(bin, profile, vsix);
    server = await startCodeServer(bin, profile, WORKSPACE, OUTPUT);
    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
    });
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const started = Date.now();
    await page.goto(`${server.url}?folder=${encodeURIComponent(WORKSPACE)}`);
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    // Explorer rows appear once the remote file system is connected.
    await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 60_000 });
    metrics.workbenchReadyMs = Date.now() - started;
  }, 900_000);

  afterEach(async (context) => {
    // What the workbench looked like when a step failed.
    if (context.task.result?.state === 'fail') await shot(`failed-${context.task.name.slice(0, 40).replaceAll(/\W+/g, '-')}`).catch(() => undefined);
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
    const rows = await waitForProblems((r) => r.some((row) => row.includes('cors/')), 'a CORS problem', 30_000);
    metrics.openToFirstProblemMs = Date.now() - opened;
    const all = await waitForProblems((r) => count(r, 'valid-header-values') === 2 && count(r, 'valid-allow-origin') === 1 && count(r, 'no-null-origin') === 1, 'the four problems of server.js');
    expect(rows.length).toBeGreaterThan(0);
    expect(all.filter((row) => row.includes('cors/'))).toHaveLength(4);
    expect(all.find((row) => row.includes('cors/valid-allow-origin'))).toContain('ends with a slash');
    await page.locator('.squiggly-error').first().waitFor();
    await shot('1-problems');
    const memory = groupMemory(server?.pid ?? 0, (args) => args.includes('--type=extensionHost') || args.includes('dist/server.mjs'));
    metrics.extensionHostRssMiB = memory.find((p) => p.args.includes('--type=extensionHost'))?.rssMiB;
    metrics.serverRssMiB = memory.find((p) => p.args.includes('dist/server.mjs'))?.rssMiB;
    metrics.codeServerGroupRssMiB = groupMemory(server?.pid ?? 0, () => true).reduce((sum, p) => sum + p.rssMiB, 0);
  });

  it('offers the autofix and the suggestions in the quick-fix menu', async () => {
    // The trailing slash of 'https://admin.example.com/' (line 15): an autofix.
    await goTo(15, 41);
    const fixes = await quickFixMenu();
    await shot('2-quick-fix-autofix');
    expect(fixes.some((title) => title.startsWith('Fix: '))).toBe(true);
    expect(fixes).toContain('Disable cors/valid-allow-origin for this line');
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
    const rows = await waitForProblems((r) => count(r, 'valid-allow-origin') === 0, 'valid-allow-origin gone');
    expect(count(rows, 'no-null-origin')).toBe(1);
    await page.keyboard.press('Control+S');
    const deadline = Date.now() + 10_000;
    while (!fs.readFileSync(FILE, 'utf8').includes("'https://admin.example.com', 'null'")) {
      if (Date.now() > deadline) throw new Error(`server.js was not saved with the fix:\n${fs.readFileSync(FILE, 'utf8')}`);
      await nextFrame();
    }
    expect(fs.readFileSync(FILE, 'utf8')).not.toContain("'https://admin.example.com/'");
    await shot('3-after-autofix');
  });

  it('turns a rule off when cors.rules changes, without a reload', async () => {
    fs.mkdirSync(path.join(WORKSPACE, '.vscode'), { recursive: true });
    fs.writeFileSync(path.join(WORKSPACE, '.vscode', 'settings.json'), `${JSON.stringify({ 'cors.rules': { 'cors/no-null-origin': 'off' } }, null, 2)}\n`);
    const rows = await waitForProblems((r) => count(r, 'no-null-origin') === 0, 'no-null-origin gone');
    expect(count(rows, 'valid-header-values')).toBe(2);
    await shot('4-rule-off');
  });

  it('fixes all auto-fixable problems from the Command Palette', async () => {
    await page.keyboard.press('F1');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible' });
    await input.fill('>CORS: Fix all auto-fixable problems');
    await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'CORS: Fix all auto-fixable problems' }).first().waitFor({ state: 'visible' });
    await page.keyboard.press('Enter');
    await waitForProblems((r) => count(r, 'valid-header-values') === 0, 'valid-header-values fixed');
    await page.keyboard.press('Control+S');
    const deadline = Date.now() + 10_000;
    for (;;) {
      const text = fs.readFileSync(FILE, 'utf8');
      if (text.includes("methods: 'GET, POST, PUT, DELETE',") && text.includes("maxAge: '600',")) break;
      if (Date.now() > deadline) throw new Error(`server.js was not saved with the fixes:\n${text}`);
      await nextFrame();
    }
    await shot('5-fix-all');
  });

  it('lints a second file as soon as it opens (server already running)', async () => {
    const opened = await openFile('catalog.js');
    await waitForProblems((r) => count(r, 'no-wildcard-origin-with-credentials') === 1, 'the wildcard-with-credentials problem of routes/catalog.js');
    metrics.warmOpenToProblemMs = Date.now() - opened;
  });
});
