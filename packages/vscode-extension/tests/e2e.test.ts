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
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
    // Poll on the next rendered frame, not a fixed sleep.
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
  }
}

const count = (rows: string[], rule: string) => rows.filter((row) => row.includes(`cors/${rule}`)).length;

async function goTo(line: number, column: number): Promise<void> {
  await page.keyboard.press('Control+G');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(`${line}:${column}`);
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
}

/** Opens the quick-fix menu at the cursor and returns its rows' text. */
async function quickFixMenu(): Promise<string[]> {
  await page.keyboard.press('Control+.');
  await page.locator(MENU_ROW).first().waitFor({ state: 'visible', timeout: 10_000 });
  return page.locator(MENU_ROW).allTextContents();
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

  afterAll(async () => {
    await browser?.close().catch(() => undefined);
    await server?.stop();
    fs.writeFileSync(path.join(OUTPUT, 'metrics.json'), `${JSON.stringify(metrics, null, 2)}\n`);
  });

  it('lists the fixture’s CORS problems with their rule ids in the Problems panel', async () => {
    await page.keyboard.press('Control+Shift+M');
    await page.locator('.markers-panel').waitFor({ state: 'visible' });
    await page.keyboard.press('Control+P');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible' });
    await input.fill('server.js');
    await page.locator('.quick-input-widget .monaco-list-row').first().waitFor({ state: 'visible' });
    const opened = Date.now();
    await page.keyboard.press('Enter');
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
    await page.locator(MENU_ROW, { hasText: /^Fix: / }).first().click();
    const rows = await waitForProblems((r) => count(r, 'valid-allow-origin') === 0, 'valid-allow-origin gone');
    expect(count(rows, 'no-null-origin')).toBe(1);
    await page.keyboard.press('Control+S');
    const deadline = Date.now() + 10_000;
    while (!fs.readFileSync(FILE, 'utf8').includes("'https://admin.example.com', 'null'")) {
      if (Date.now() > deadline) throw new Error(`server.js was not saved with the fix:\n${fs.readFileSync(FILE, 'utf8')}`);
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
    }
    expect(fs.readFileSync(FILE, 'utf8')).not.toContain("'https://admin.example.com/'");
    await shot('3-after-autofix');
  });

  it('turns a rule off when cors.rules changes, without a reload', async () => {
    fs.mkdirSync(path.join(WORKSPACE, '.vscode'), { recursive: true });
    fs.writeFileSync(path.join(WORKSPACE, '.vscode', 'settings.json'), `${JSON.stringify({ 'cors.rules': { 'cors/valid-header-values': 'off' } }, null, 2)}\n`);
    const rows = await waitForProblems((r) => count(r, 'valid-header-values') === 0, 'valid-header-values gone');
    expect(count(rows, 'no-null-origin')).toBe(1);
    await shot('4-rule-off');
  });
});
