#!/usr/bin/env node
/**
 * Speed of cors-language-server (packages/language-server, built to dist/main.js) against two
 * references measured in the same run:
 *   - the floor: ESLint's `Linter.verify` of the same texts with the same rules and parser, in this
 *     process (what the server cannot beat without skipping work);
 *   - the peer: the vscode-eslint language server (npm `vscode-langservers-extracted@4.8.0`, the
 *     last release that pushes diagnostics) with a project-local `eslint.config.js` enabling just the
 *     same `cors/*` rules and parsers, on the same files and edits.
 *
 * Measured (see bench/README.md, "Benchmark: the language server"):
 *   1. didChange → publishDiagnostics, p50/p95 over ≥ 50 small edits (typing in a string or a
 *      comment, backspace, changing an origin string) on generated Express code of 200, 2,000 and
 *      10,000 lines, JavaScript and TypeScript; the floor of each edited text right after it.
 *      Measured from sending didChange to receiving the publish, for ours and the peer alike.
 *   2. the same on documents without any word of the server's pre-check (no parse expected);
 *   3. cold start: spawn → initialize → didOpen → first publish (200- and 2,000-line files);
 *   4. textDocument/codeAction on a published diagnostic;
 *   5. RSS of the server after opening 500 generated files, then after 3 s and 30 s idle.
 * Ours, the peer and the floor are interleaved edit by edit, so machine noise hits all three alike.
 *
 * Usage: node bench/language-server.mjs [--edits N] [--warmup N] [--no-peer] [--quick]
 *   --edits N   measured edits per file (default 50)
 *   --warmup N  unmeasured edits first (default 5)
 *   --no-peer   skip the vscode-eslint server
 *   --quick     200/2,000-line files only, 20 edits, 100 files for RSS (a smoke run; not for the README)
 * Writes bench/.results/language-server-<timestamp>.json and bench/.results/language-server-latest.json.
 */
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import plugin from 'eslint-plugin-cors';
import { generateFile } from './language-server/generate.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const benchDir = path.join(repoRoot, 'bench');
const peerDir = path.join(benchDir, 'ls-peer');
const resultsDir = path.join(benchDir, '.results');
const workspace = path.join(resultsDir, 'ls-workspace');
const serverMain = path.join(repoRoot, 'packages', 'language-server', 'dist', 'main.js');
const probe = path.join(benchDir, 'language-server', 'gc-probe.mjs');

// ---------------------------------------------------------------------------------------------
// Arguments, the peer install
// ---------------------------------------------------------------------------------------------

function parseArgs(argv) {
  const args = {
    edits: 50,
    warmup: 5,
    peer: true,
    quick: false,
    only: undefined,
    files: undefined,
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    if (flag === '--edits') args.edits = Number.parseInt(argv[++i], 10);
    else if (flag === '--warmup') args.warmup = Number.parseInt(argv[++i], 10);
    else if (flag === '--no-peer') args.peer = false;
    else if (flag === '--quick') args.quick = true;
    else if (flag === '--only') args.only = argv[++i];
    else if (flag === '--files') args.files = argv[++i].split(',');
    else throw new Error(`unknown argument ${flag}`);
  }
  if (args.quick && !argv.includes('--edits')) args.edits = 20;
  if (args.only !== undefined && args.only !== 'edits')
    throw new Error('--only takes "edits" (skip the cold starts and the memory run)');
  if (!(args.edits > 0) || !(args.warmup >= 0))
    throw new Error('--edits takes a positive number, --warmup a non-negative one');
  return args;
}

/** The peer and the LSP client library are installed on first use only (npm ci from the lockfile). */
function ensurePeer() {
  if (fs.existsSync(path.join(peerDir, 'node_modules', 'vscode-langservers-extracted'))) return;
  console.log('installing the peer server (bench/ls-peer, npm ci; about 100 MB, once)…');
  execFileSync('npm', ['ci', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'], {
    cwd: peerDir,
    stdio: 'inherit',
  });
}

// ---------------------------------------------------------------------------------------------
// The workspace: generated files, and what the peer needs to lint them with our rules
// ---------------------------------------------------------------------------------------------

const PEER_CONFIG = `// Written by bench/language-server.mjs: just the cors/* rules of eslint-plugin-cors's recommended
// config, with the parsers cors-language-server uses (espree for JavaScript, @typescript-eslint/parser
// without type information for TypeScript).
import cors from 'eslint-plugin-cors';
import tsParser from '@typescript-eslint/parser';

const common = {
  plugins: { cors },
  rules: cors.configs.recommended[0].rules,
  linterOptions: { reportUnusedDisableDirectives: 'off' },
};

export default [
  { ...common, files: ['**/*.js', '**/*.mjs', '**/*.jsx'], languageOptions: { ecmaVersion: 'latest', sourceType: 'module', parserOptions: { ecmaFeatures: { jsx: false } } } },
  { ...common, files: ['**/*.ts', '**/*.mts', '**/*.tsx'], languageOptions: { ecmaVersion: 'latest', sourceType: 'module', parser: tsParser, parserOptions: { ecmaFeatures: { jsx: false } } } },
];
`;

function linkPackage(name) {
  const target = fs.realpathSync(path.join(repoRoot, 'node_modules', name));
  const link = path.join(workspace, 'node_modules', name);
  fs.mkdirSync(path.dirname(link), { recursive: true });
  fs.symlinkSync(target, link, 'dir');
}

function prepareWorkspace() {
  fs.rmSync(workspace, { recursive: true, force: true });
  fs.mkdirSync(path.join(workspace, 'src'), { recursive: true });
  fs.writeFileSync(
    path.join(workspace, 'package.json'),
    '{ "name": "ls-bench-workspace", "private": true, "type": "module" }\n',
  );
  fs.writeFileSync(path.join(workspace, 'eslint.config.js'), PEER_CONFIG);
  // The plugin from this repository (its dist), and the very eslint and parser the server uses.
  for (const name of ['eslint', 'eslint-plugin-cors', '@typescript-eslint/parser'])
    linkPackage(name);
}

function writeDoc(name, text) {
  const file = path.join(workspace, 'src', name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  return {
    name,
    file,
    uri: pathToFileURL(file).href,
    languageId: /\.[cm]?ts$/.test(name) ? 'typescript' : 'javascript',
    dialect: /\.[cm]?ts$/.test(name) ? 'ts' : 'js',
    text,
    lines: text.split('\n').length - 1,
  };
}

// ---------------------------------------------------------------------------------------------
// The floor: bare Linter.verify with the configuration the server builds (lint-host.ts)
// ---------------------------------------------------------------------------------------------

// Linted under the document's real path, as the server does (rules read package.json and file names).
const floorLinter = new Linter({ cwd: path.parse(process.cwd()).root });
const floorConfigs = {
  js: [
    {
      files: ['**/*.js'],
      plugins: { cors: plugin },
      rules: plugin.configs.recommended[0].rules,
      linterOptions: { reportUnusedDisableDirectives: 'off' },
      languageOptions: {
        ecmaVersion: 'latest',
        sourceType: 'module',
        parserOptions: { ecmaFeatures: { jsx: false } },
      },
    },
  ],
  ts: [
    {
      files: ['**/*.ts'],
      plugins: { cors: plugin },
      rules: plugin.configs.recommended[0].rules,
      linterOptions: { reportUnusedDisableDirectives: 'off' },
      languageOptions: {
        ecmaVersion: 'latest',
        sourceType: 'module',
        parser: tsParser,
        parserOptions: { ecmaFeatures: { jsx: false } },
      },
    },
  ],
};

function floor(text, doc) {
  const started = process.hrtime.bigint();
  const messages = floorLinter.verify(text, floorConfigs[doc.dialect], { filename: doc.file });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const fatal = messages.find((message) => message.fatal);
  if (fatal) throw new Error(`the floor did not parse: ${fatal.message}`);
  return { ms, count: messages.length };
}

// ---------------------------------------------------------------------------------------------
// An LSP client over a child's stdio
// ---------------------------------------------------------------------------------------------

const protocol = () =>
  createRequire(path.join(peerDir, 'package.json'))('vscode-languageserver-protocol/node');
const now = () => process.hrtime.bigint();
const msSince = (start, end = now()) => Number(end - start) / 1e6;

const CAPABILITIES = {
  workspace: {
    configuration: true,
    applyEdit: true,
    workspaceFolders: true,
    didChangeConfiguration: { dynamicRegistration: true },
    workspaceEdit: { documentChanges: true },
  },
  textDocument: {
    synchronization: { didSave: true, dynamicRegistration: false },
    publishDiagnostics: {
      relatedInformation: true,
      versionSupport: true,
      codeDescriptionSupport: true,
      dataSupport: true,
    },
    codeAction: {
      codeActionLiteralSupport: {
        codeActionKind: { valueSet: ['', 'quickfix', 'refactor', 'source', 'source.fixAll'] },
      },
      isPreferredSupport: true,
      dataSupport: true,
    },
    hover: { contentFormat: ['markdown', 'plaintext'] },
  },
  window: { showDocument: { support: true }, workDoneProgress: false },
};

/** vscode-eslint's settings object (real-clients.md): it asks for section '' and needs `experimental`. */
function peerSettings() {
  return {
    validate: 'on',
    packageManager: 'npm',
    useESLintClass: true,
    // ESLint 10 is flat-config only and no longer exports FlatESLint, which `useFlatConfig: true`
    // makes this server look for; with `false` it loads `eslint`'s ESLint class, which reads the
    // workspace's eslint.config.js (checked below: its diagnostics equal ours).
    experimental: { useFlatConfig: false },
    codeAction: {
      disableRuleComment: { enable: true, location: 'separateLine', commentStyle: 'line' },
      showDocumentation: { enable: true },
    },
    codeActionOnSave: { enable: false, mode: 'all' },
    format: false,
    quiet: false,
    onIgnoredFiles: 'off',
    options: {},
    rulesCustomizations: [],
    run: 'onType',
    problems: { shortenToSingleLine: false },
    nodePath: null,
    workspaceFolder: { name: 'ls-workspace', uri: pathToFileURL(workspace).href },
    workingDirectory: { mode: 'location' },
  };
}

/**
 * Our server's settings: the defaults, but a time budget as unbounded as the peer's. On a loaded
 * machine one lint of a 10,000-line file can run past the default 10 s, after which the server
 * stops linting that document (as designed) and the benchmark would time nothing.
 */
const OUR_SETTINGS = { timeBudget: 600_000 };

class Server {
  /** @param {'ours' | 'peer'} kind */
  constructor(kind, { exposeGc = false } = {}) {
    const { createProtocolConnection, StreamMessageReader, StreamMessageWriter } = protocol();
    this.kind = kind;
    this.publishes = [];
    this.waiters = new Set();
    this.heaps = [];
    this.stderr = '';
    this.spawnedAt = now();
    if (kind === 'ours') {
      this.child = spawn(
        process.execPath,
        [
          ...(exposeGc ? ['--expose-gc', '--import', pathToFileURL(probe).href] : []),
          // A CPU profile of each of our server's threads (the lint worker's included), for diagnosis.
          ...(process.env.CPU_PROF_DIR
            ? ['--cpu-prof', `--cpu-prof-dir=${process.env.CPU_PROF_DIR}`]
            : []),
          serverMain,
          '--stdio',
        ],
        { stdio: 'pipe', cwd: workspace },
      );
    } else {
      const bin = path.join(
        peerDir,
        'node_modules',
        'vscode-langservers-extracted',
        'bin',
        'vscode-eslint-language-server',
      );
      this.child = spawn(
        process.execPath,
        [
          ...(exposeGc ? ['--expose-gc', '--import', pathToFileURL(probe).href] : []),
          bin,
          '--stdio',
        ],
        { stdio: 'pipe', cwd: workspace },
      );
    }
    let pending = '';
    this.child.stderr.setEncoding('utf8');
    this.child.stderr.on('data', (chunk) => {
      pending += chunk;
      let newline;
      while ((newline = pending.indexOf('\n')) >= 0) {
        const line = pending.slice(0, newline);
        pending = pending.slice(newline + 1);
        const heap = /^@@bench-heap (\d+) (\d+)$/.exec(line);
        if (heap)
          this.heaps.push({
            heapUsedMB: Number(heap[1]) / 2 ** 20,
            rssMB: Number(heap[2]) / 2 ** 20,
          });
        else if (this.stderr.length < 20_000) this.stderr += `${line}\n`;
      }
    });
    this.child.stdin.on('error', () => undefined);
    this.connection = createProtocolConnection(
      new StreamMessageReader(this.child.stdout),
      new StreamMessageWriter(this.child.stdin),
    );
    this.logs = [];
    this.connection.onNotification((method, params) => {
      if (method === 'textDocument/publishDiagnostics') {
        const event = { ...params, at: now() };
        this.publishes.push(event);
        for (const waiter of [...this.waiters]) {
          if (waiter.match(event)) {
            this.waiters.delete(waiter);
            waiter.resolve(event);
          }
        }
      } else if (method === 'window/logMessage' && this.logs.length < 200)
        this.logs.push(params.message);
    });
    this.connection.onRequest((method, params) => {
      if (method === 'workspace/configuration')
        return params.items.map((item) =>
          kind === 'peer' ? peerSettings() : item.section === 'cors' ? OUR_SETTINGS : null,
        );
      if (method === 'workspace/workspaceFolders')
        return [{ name: 'ls-workspace', uri: pathToFileURL(workspace).href }];
      return null;
    });
    this.connection.onError(() => undefined);
    this.connection.listen();
  }

  async initialize() {
    const rootUri = pathToFileURL(workspace).href;
    this.initializeResult = await this.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri,
      capabilities: CAPABILITIES,
      workspaceFolders: [{ name: 'ls-workspace', uri: rootUri }],
    });
    this.initializedAt = now();
    await this.connection.sendNotification('initialized', {});
  }

  /** The next publish for `uri` after index `from` (and with `version`, if the server sends one). */
  waitForPublish(uri, from, version, timeoutMs = 120_000) {
    const match = (event) =>
      event.uri === uri &&
      (event.version === undefined || version === undefined || event.version === version);
    const found = this.publishes.slice(from).find(match);
    if (found) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const waiter = {
        match,
        resolve: (event) => {
          clearTimeout(timer);
          resolve(event);
        },
      };
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        reject(
          new Error(
            `${this.kind}: no publish for ${uri} v${version} within ${timeoutMs} ms; stderr: ${this.stderr.slice(-2000)}; log: ${this.logs.slice(-10).join(' | ')}`,
          ),
        );
      }, timeoutMs);
      this.waiters.add(waiter);
    });
  }

  async open(doc) {
    const mark = this.publishes.length;
    const sent = now();
    await this.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri: doc.uri, languageId: doc.languageId, version: 1, text: doc.text },
    });
    const event = await this.waitForPublish(doc.uri, mark, 1);
    return { event, ms: msSince(sent, event.at) };
  }

  async change(uri, version, change) {
    const mark = this.publishes.length;
    const before = this.schedstat();
    const sent = now();
    await this.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: [change],
    });
    const event = await this.waitForPublish(uri, mark, version);
    const after = this.schedstat();
    return {
      event,
      total: msSince(sent, event.at),
      cpu: after.cpu - before.cpu,
      wait: after.wait - before.wait,
    };
  }

  /**
   * The server's time on a CPU and waiting for one, ms, summed over its threads (the lint worker's
   * too): \`/proc/<pid>/task/<tid>/schedstat\` (ns). On a loaded machine the wall time is mostly the
   * wait; the CPU time is what the edit cost.
   */
  schedstat() {
    let cpu = 0;
    let wait = 0;
    for (const tid of fs.readdirSync(`/proc/${this.child.pid}/task`)) {
      try {
        const [run, queued] = fs
          .readFileSync(`/proc/${this.child.pid}/task/${tid}/schedstat`, 'utf8')
          .split(' ');
        cpu += Number(run) / 1e6;
        wait += Number(queued) / 1e6;
      } catch {
        // The thread ended meanwhile.
      }
    }
    return { cpu, wait };
  }

  async close(uri) {
    await this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  async codeAction(uri, diagnostic, only) {
    const sent = now();
    const actions = await this.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: diagnostic.range,
      context: { diagnostics: [diagnostic], ...(only ? { only } : {}), triggerKind: 2 },
    });
    return { ms: msSince(sent), actions: actions ?? [] };
  }

  memory() {
    const status = fs.readFileSync(`/proc/${this.child.pid}/status`, 'utf8');
    const kb = (key) => Number(new RegExp(`${key}:\\s+(\\d+) kB`).exec(status)?.[1] ?? Number.NaN);
    return { rssMB: kb('VmRSS') / 1024, peakMB: kb('VmHWM') / 1024 };
  }

  /** Only with `exposeGc`: a full GC in the server, then its heap and RSS. */
  async afterFullGc() {
    const before = this.heaps.length;
    this.child.kill('SIGUSR2');
    for (let i = 0; i < 5000 && this.heaps.length === before; i++)
      await new Promise((resolve) => setTimeout(resolve, 2));
    return this.heaps[this.heaps.length - 1];
  }

  async stop() {
    const exited = new Promise((resolve) => {
      if (this.child.exitCode !== null) resolve();
      else this.child.once('exit', resolve);
    });
    try {
      await Promise.race([
        this.connection.sendRequest('shutdown'),
        new Promise((_, reject) => setTimeout(() => reject(new Error('shutdown timed out')), 5000)),
      ]);
      await this.connection.sendNotification('exit');
      await Promise.race([
        exited,
        new Promise((_, reject) => setTimeout(() => reject(new Error('exit timed out')), 5000)),
      ]);
    } catch {
      this.child.kill('SIGKILL');
      await exited;
    }
    this.connection.dispose();
  }
}

// ---------------------------------------------------------------------------------------------
// Edits: small, realistic, always leaving the code parseable
// ---------------------------------------------------------------------------------------------

function positionAt(text, offset) {
  let line = 0;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, character: offset - lineStart };
}

/**
 * Sites in the original text: the end of a route path string (`router.get('/orders|'`), the end of a
 * line comment, and origin strings (`'https://…'`). Every cycle of edits restores the original text,
 * so offsets into the original stay valid.
 */
function findSites(text) {
  const collect = (regex, at) => [...text.matchAll(regex)].map(at);
  return {
    route: collect(/\.(?:get|post|put|delete|use)\('(\/[^']*)'/g, (m) => m.index + m[0].length - 1),
    comment: collect(/^[ \t]*\/\/ [^\n]*$/gm, (m) => m.index + m[0].length),
    origin: collect(/'(https:\/\/[a-z0-9.-]+\.example\.com)'/g, (m) => ({
      start: m.index + 1,
      end: m.index + m[0].length - 1,
      value: m[1],
    })),
  };
}

/** A deterministic list of edits (each `{ offset, deleteCount, insert }` on the text before it). */
function planEdits(text, count) {
  const sites = findSites(text);
  const cycles = [];
  const pick = (list, n) => list[(n * 7919) % list.length];
  for (let n = 0; cycles.flat().length < count; n++) {
    const kind =
      n % 3 === 2 && sites.origin.length > 0
        ? 'origin'
        : n % 3 === 1 && sites.comment.length > 0
          ? 'comment'
          : 'route';
    if (kind === 'origin') {
      // Change an origin string and back: `https://shop.example.com` → `https://shop.example.org`.
      const site = pick(sites.origin, n);
      const replacement = site.value.replace(/\.com$/, '.org');
      cycles.push([
        {
          offset: site.start,
          deleteCount: site.value.length,
          insert: replacement,
          what: 'change an origin string',
        },
        {
          offset: site.start,
          deleteCount: replacement.length,
          insert: site.value,
          what: 'change it back',
        },
      ]);
    } else {
      // Type three characters, then delete them (one backspace of a selection of three).
      const offset = pick(sites[kind], n);
      const word = kind === 'route' ? 'abc' : ' ok';
      cycles.push([
        { offset, deleteCount: 0, insert: word[0], what: `type in a ${kind}` },
        { offset: offset + 1, deleteCount: 0, insert: word[1], what: `type in a ${kind}` },
        { offset: offset + 2, deleteCount: 0, insert: word[2], what: `type in a ${kind}` },
        { offset, deleteCount: 3, insert: '', what: `delete in a ${kind}` },
      ]);
    }
  }
  return cycles.flat().slice(0, count);
}

function applyEdit(text, edit) {
  const change = {
    range: {
      start: positionAt(text, edit.offset),
      end: positionAt(text, edit.offset + edit.deleteCount),
    },
    text: edit.insert,
  };
  return {
    change,
    text: text.slice(0, edit.offset) + edit.insert + text.slice(edit.offset + edit.deleteCount),
  };
}

// ---------------------------------------------------------------------------------------------
// Statistics
// ---------------------------------------------------------------------------------------------

function stats(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (p) =>
    sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
  return {
    n: sorted.length,
    p50: rank(50),
    p95: rank(95),
    min: sorted[0],
    max: sorted.at(-1),
    mean: sorted.reduce((a, b) => a + b, 0) / sorted.length,
  };
}

const f = (value, digits = 1) =>
  value === undefined || Number.isNaN(value) ? '–' : value.toFixed(digits);
const ms = (s, digits = 1) => (s ? `${f(s.p50, digits)} / ${f(s.p95, digits)}` : '–');

// ---------------------------------------------------------------------------------------------
// The runs
// ---------------------------------------------------------------------------------------------

async function measureEdits(doc, servers, args) {
  const { ours, peer } = servers;
  const openOurs = await ours.open(doc);
  const openPeer = peer ? await peer.open(doc) : undefined;
  const edits = planEdits(doc.text, args.warmup + args.edits);
  const samples = {
    ours: [],
    peer: [],
    floor: [],
    oursCpu: [],
    peerCpu: [],
    oursWait: [],
    peerWait: [],
  };
  const mismatches = [];
  let text = doc.text;
  let last = { ours: openOurs.event, peer: openPeer?.event };
  for (let i = 0; i < edits.length; i++) {
    const applied = applyEdit(text, edits[i]);
    text = applied.text;
    const version = i + 2;
    const a = await ours.change(doc.uri, version, applied.change);
    const b = peer ? await peer.change(doc.uri, version, applied.change) : undefined;
    const c = floor(text, doc);
    last = { ours: a.event, peer: b?.event };
    const counts = {
      ours: a.event.diagnostics.length,
      peer: b?.event.diagnostics.length,
      floor: c.count,
    };
    // The server skips the parse of text without CORS words; the floor always lints (0 messages then).
    if (counts.ours !== counts.floor || (peer && counts.peer !== counts.floor))
      mismatches.push({ edit: i, ...counts });
    if (i < args.warmup) continue;
    samples.ours.push(a.total);
    samples.oursCpu.push(a.cpu);
    samples.oursWait.push(a.wait);
    if (b) {
      samples.peer.push(b.total);
      samples.peerCpu.push(b.cpu);
      samples.peerWait.push(b.wait);
    }
    samples.floor.push(c.ms);
  }
  return {
    name: doc.name,
    dialect: doc.dialect,
    lines: doc.lines,
    diagnostics: { ours: last.ours.diagnostics.length, peer: last.peer?.diagnostics.length },
    open: { ours: openOurs.ms, peer: openPeer?.ms },
    edits: args.edits,
    warmup: args.warmup,
    editKinds: [...new Set(edits.map((edit) => edit.what))],
    mismatches,
    ours: stats(samples.ours),
    peer: peer ? stats(samples.peer) : undefined,
    floor: stats(samples.floor),
    /** The server's CPU time and run-queue wait per edit (all threads), see \`Server#schedstat\`. */
    cpu: {
      ours: stats(samples.oursCpu),
      peer: peer ? stats(samples.peerCpu) : undefined,
    },
    wait: {
      ours: stats(samples.oursWait),
      peer: peer ? stats(samples.peerWait) : undefined,
    },
    lastDiagnostics: last,
    text,
  };
}

async function measureCodeActions(doc, result, servers, count) {
  const { ours, peer } = servers;
  const ourDiagnostics = result.lastDiagnostics.ours.diagnostics;
  const out = {};
  const fixable = ourDiagnostics.find((d) => d.data?.fix !== undefined);
  const plain = ourDiagnostics.find((d) => d.data?.fix === undefined);
  const run = async (server, diagnostic, only) => {
    const times = [];
    let actions = [];
    for (let i = 0; i < count + 3; i++) {
      const r = await server.codeAction(doc.uri, diagnostic, only);
      if (i >= 3) times.push(r.ms);
      actions = r.actions;
    }
    return {
      ...stats(times),
      actions: actions.map((action) => action.title),
      rule: diagnostic.code,
    };
  };
  if (fixable) {
    out.fixable = await run(ours, fixable);
    out.fixableQuickfixOnly = await run(ours, fixable, ['quickfix']);
  }
  if (plain) out.notFixable = await run(ours, plain);
  if (peer && result.lastDiagnostics.peer) {
    const target = fixable ?? plain;
    const peerDiagnostic =
      result.lastDiagnostics.peer.diagnostics.find(
        (d) => d.code === target?.code && d.range.start.line === target.range.start.line,
      ) ?? result.lastDiagnostics.peer.diagnostics[0];
    if (peerDiagnostic) out.peer = await run(peer, peerDiagnostic);
  }
  return out;
}

const IMPORT_ANATOMY = `
const laps = {};
const started = performance.now();
for (const [name, specifier] of [['vscode-languageserver/node', 'vscode-languageserver/node'], ['eslint', 'eslint'], ['eslint-plugin-cors (+ cors-lint-core)', 'eslint-plugin-cors'], ['@typescript-eslint/parser (+ typescript)', '@typescript-eslint/parser'], ['the server itself (dist/server.js)', './dist/server.js']]) {
  const t = performance.now();
  await import(specifier);
  laps[name] = performance.now() - t;
}
laps.total = performance.now() - started;
laps.rssMB = process.memoryUsage().rss / 2 ** 20;
console.log(JSON.stringify(laps));
`;

/** Where the server's start-up goes: its dependencies' import times in a fresh node (median of `runs`). */
function importAnatomy(runs) {
  const samples = [];
  for (let i = 0; i < runs; i++)
    samples.push(
      JSON.parse(
        execFileSync(process.execPath, ['--input-type=module', '-e', IMPORT_ANATOMY], {
          cwd: path.dirname(path.dirname(serverMain)),
          encoding: 'utf8',
        }),
      ),
    );
  return Object.fromEntries(
    Object.keys(samples[0]).map((key) => [key, stats(samples.map((sample) => sample[key])).p50]),
  );
}

const loadAverage = () => os.loadavg().map((value) => Number(value.toFixed(2)));

async function coldStart(kind, doc) {
  const server = new Server(kind);
  await server.initialize();
  const initializeMs = msSince(server.spawnedAt, server.initializedAt);
  const { event } = await server.open(doc);
  const total = msSince(server.spawnedAt, event.at);
  const result = {
    initializeMs,
    total,
    diagnostics: event.diagnostics.length,
    memory: server.memory(),
  };
  await server.stop();
  return result;
}

async function memoryAfterOpening(kind, docs) {
  const server = new Server(kind, { exposeGc: true });
  await server.initialize();
  const started = now();
  const mark = server.publishes.length;
  const waits = [];
  for (const doc of docs) {
    waits.push(server.waitForPublish(doc.uri, mark, 1, 600_000));
    await server.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri: doc.uri, languageId: doc.languageId, version: 1, text: doc.text },
    });
  }
  const events = await Promise.all(waits);
  const allPublishedMs = msSince(started);
  const atPublish = server.memory();
  await new Promise((resolve) => setTimeout(resolve, 3000));
  const afterIdle = server.memory();
  // V8's memory reducer returns the heap's slack to the system once allocation has been low for a while.
  await new Promise((resolve) => setTimeout(resolve, 27_000));
  const afterLongIdle = server.memory();
  const afterGc = await server.afterFullGc();
  const diagnostics = events.reduce((sum, event) => sum + event.diagnostics.length, 0);
  await server.stop();
  return {
    files: docs.length,
    lines: docs.reduce((sum, doc) => sum + doc.lines, 0),
    allPublishedMs,
    diagnostics,
    atPublish,
    afterIdle,
    afterLongIdle,
    afterGc,
  };
}

// ---------------------------------------------------------------------------------------------
// Report
// ---------------------------------------------------------------------------------------------

function markdown(report) {
  const out = [];
  const peer = report.args.peer;
  out.push(
    `Machine: ${report.machine.nproc} CPUs (${report.machine.cpu}), ${report.machine.memoryGiB} GiB, ${report.machine.platform}, Node ${report.machine.node}, ESLint ${report.machine.eslint}, peer vscode-langservers-extracted ${report.machine.peer ?? '–'}. ${report.date}. Command: \`${report.command}\`.`,
  );
  out.push('');
  out.push(
    'didChange → publishDiagnostics, ms, p50 / p95 over ' +
      report.args.edits +
      ' edits (after ' +
      report.args.warmup +
      ' unmeasured):',
  );
  out.push('');
  out.push(
    `| file | diags | floor: \`Linter.verify\` | ours | **ours / floor, p50** | ${peer ? 'peer (vscode-eslint) | ours / peer, p50 |' : ''}`,
  );
  out.push(`| --- | ---: | ---: | ---: | ---: | ${peer ? '---: | ---: |' : ''}`);
  for (const r of report.edits) {
    const ratio = r.ours.p50 / r.floor.p50;
    out.push(
      `| ${r.dialect} ${r.lines.toLocaleString('en-US')} lines${r.corsFree ? ' (no CORS words)' : ''} | ${r.diagnostics.ours} | ${ms(r.floor)} | ${ms(r.ours)} | **${f(ratio, 2)}×** | ${peer ? `${ms(r.peer)} | ${f(r.ours.p50 / r.peer.p50, 2)}× |` : ''}`,
    );
  }
  out.push('');
  out.push(
    "The servers' CPU time and run-queue wait per edit (all threads, `/proc/<pid>/task/*/schedstat`), ms, p50 / p95:",
  );
  out.push('');
  out.push(
    `| file | ours: CPU | ours: wait | ${peer ? 'peer: CPU | peer: wait | CPU ours / peer, p50 |' : ''}`,
  );
  out.push(`| --- | ---: | ---: | ${peer ? '---: | ---: | ---: |' : ''}`);
  for (const r of report.edits)
    out.push(
      `| ${r.dialect} ${r.lines.toLocaleString('en-US')} lines${r.corsFree ? ' (no CORS words)' : ''} | ${ms(r.cpu.ours)} | ${ms(r.wait.ours)} | ${peer ? `${ms(r.cpu.peer)} | ${ms(r.wait.peer)} | ${f(r.cpu.ours.p50 / r.cpu.peer.p50, 2)}× |` : ''}`,
    );
  if (report.cold.files.length > 0) {
    out.push('');
    out.push(
      'Cold start, spawn → initialize → didOpen → first publish, ms (median / max of ' +
        report.cold.runs +
        ' runs; initialize answered at):',
    );
    out.push('');
    out.push(
      `| file | ours | ours initialize | ours RSS then | ${peer ? 'peer | peer initialize | peer RSS then |' : ''}`,
    );
    out.push(`| --- | ---: | ---: | ---: | ${peer ? '---: | ---: | ---: |' : ''}`);
    for (const c of report.cold.files)
      out.push(
        `| ${c.name} | ${f(c.ours.total.p50, 0)} / ${f(c.ours.total.max, 0)} | ${f(c.ours.initialize.p50, 0)} | ${f(c.ours.rssMB.p50, 0)} MB | ${peer ? `${f(c.peer.total.p50, 0)} / ${f(c.peer.total.max, 0)} | ${f(c.peer.initialize.p50, 0)} | ${f(c.peer.rssMB.p50, 0)} MB |` : ''}`,
      );
    out.push('');
    out.push(
      `Where the start goes — import times in a fresh node, run from packages/language-server (median of 5): ${Object.entries(
        report.cold.imports,
      )
        .filter(([key]) => key !== 'rssMB' && key !== 'total')
        .map(([key, value]) => `${key} ${f(value, 0)} ms`)
        .join(
          ', ',
        )}; total ${f(report.cold.imports.total, 0)} ms, RSS ${f(report.cold.imports.rssMB, 0)} MB with nothing linted yet.`,
    );
  }
  out.push('');
  out.push(
    'textDocument/codeAction round trip, ms, p50 / p95 over ' +
      report.codeActionRuns +
      ' requests (`only` absent unless said):',
  );
  out.push('');
  out.push(
    `| file | fixable diagnostic | same, \`only: ['quickfix']\` | diagnostic without fix | ${peer ? 'peer |' : ''}`,
  );
  out.push(`| --- | ---: | ---: | ---: | ${peer ? '---: |' : ''}`);
  for (const [name, c] of Object.entries(report.codeActions))
    out.push(
      `| ${name} | ${ms(c.fixable, 2)} | ${ms(c.fixableQuickfixOnly, 2)} | ${ms(c.notFixable, 2)} | ${peer ? `${ms(c.peer, 2)} |` : ''}`,
    );
  out.push('');
  const m = report.memory;
  if (m)
    out.push(
      `Memory after opening ${m.ours.files} generated files (${m.ours.lines.toLocaleString('en-US')} lines, ${m.mix}): ours RSS ${f(m.ours.atPublish.rssMB, 0)} MB when the last was published (all in ${f(m.ours.allPublishedMs / 1000, 1)} s), ${f(m.ours.afterIdle.rssMB, 0)} MB after 3 s idle, ${f(m.ours.afterLongIdle.rssMB, 0)} MB after 30 s, peak ${f(m.ours.afterIdle.peakMB, 0)} MB; after a forced full GC: heap used ${f(m.ours.afterGc?.heapUsedMB, 0)} MB, RSS ${f(m.ours.afterGc?.rssMB, 0)} MB` +
        (m.peer
          ? `. Peer: RSS ${f(m.peer.atPublish.rssMB, 0)} MB (all in ${f(m.peer.allPublishedMs / 1000, 1)} s), ${f(m.peer.afterIdle.rssMB, 0)} MB after 3 s idle, ${f(m.peer.afterLongIdle.rssMB, 0)} MB after 30 s, peak ${f(m.peer.afterIdle.peakMB, 0)} MB; after a full GC heap used ${f(m.peer.afterGc?.heapUsedMB, 0)} MB, RSS ${f(m.peer.afterGc?.rssMB, 0)} MB.`
          : '.'),
    );
  out.push('');
  out.push(
    `Load average (1/5/15 min) at the start ${report.loadAverage.start.join(' / ')}, after the edits ${report.loadAverage.afterEdits.join(' / ')}, at the end ${report.loadAverage.end.join(' / ')} (2 CPUs: anything above ~1 means other work competed).`,
  );
  out.push('');
  out.push('Targets:');
  out.push('');
  for (const t of report.targets)
    out.push(`- ${t.met ? 'met' : '**NOT met**'}: ${t.what} — ${t.detail}`);
  return out.join('\n');
}

function targets(report) {
  const list = [];
  for (const r of report.edits) {
    if (r.corsFree) {
      list.push({
        what: `no-CORS document ${r.dialect} ${r.lines} lines, didChange → empty publish ≤ 2 ms`,
        met: r.ours.p50 <= 2 && r.ours.p95 <= 2,
        detail: `p50 ${f(r.ours.p50, 2)} ms, p95 ${f(r.ours.p95, 2)} ms`,
      });
    } else {
      const ratio = r.ours.p50 / r.floor.p50;
      list.push({
        what: `${r.dialect} ${r.lines} lines, p50 ≤ 1.1 × floor`,
        met: ratio <= 1.1,
        detail: `${f(r.ours.p50)} ms vs ${f(r.floor.p50)} ms = ${f(ratio, 2)}×`,
      });
    }
    if (r.peer) {
      list.push({
        what: `${r.dialect} ${r.lines} lines${r.corsFree ? ' (no CORS words)' : ''}, never slower than the peer (p50 and p95)`,
        met: r.ours.p50 <= r.peer.p50 && r.ours.p95 <= r.peer.p95,
        detail: `ours ${ms(r.ours)} vs peer ${ms(r.peer)} ms`,
      });
    }
  }
  for (const c of report.cold.files)
    list.push({
      what: `cold start ${c.name} ≤ 1 s`,
      met: c.ours.total.max <= 1000,
      detail: `median ${f(c.ours.total.p50, 0)} ms, max ${f(c.ours.total.max, 0)} ms`,
    });
  for (const [name, c] of Object.entries(report.codeActions)) {
    for (const [key, s] of Object.entries(c)) {
      if (key === 'peer' || !s) continue;
      list.push({
        what: `code action ${name} (${key}) ≤ 10 ms`,
        met: s.p95 <= 10,
        detail: `p50 ${f(s.p50, 2)} ms, p95 ${f(s.p95, 2)} ms`,
      });
    }
  }
  const m = report.memory?.ours;
  if (m)
    list.push({
      what: `RSS ≤ 150 MB after opening ${m.files} files`,
      met: m.atPublish.rssMB <= 150 && m.afterIdle.rssMB <= 150,
      detail: `${f(m.atPublish.rssMB, 0)} MB at the last publish, ${f(m.afterIdle.rssMB, 0)} MB after 3 s, ${f(m.afterLongIdle.rssMB, 0)} MB after 30 s`,
    });
  return list;
}

// ---------------------------------------------------------------------------------------------

async function main() {
  const args = parseArgs(process.argv.slice(2));
  if (!fs.existsSync(serverMain))
    throw new Error(`${path.relative(repoRoot, serverMain)} is missing: build first (npx tsc -b)`);
  ensurePeer();
  prepareWorkspace();

  const sizes = args.quick ? [200, 2000] : [200, 2000, 10000];
  const docs = [];
  for (const dialect of ['js', 'ts'])
    for (const lines of sizes)
      docs.push({
        ...writeDoc(`app-${lines}.${dialect}`, generateFile({ lines, dialect })),
        corsFree: false,
      });
  const freeSizes = args.quick ? [2000] : [2000, 10000];
  for (const dialect of ['js', 'ts'])
    for (const lines of freeSizes)
      docs.push({
        ...writeDoc(`plain-${lines}.${dialect}`, generateFile({ lines, dialect, corsFree: true })),
        corsFree: true,
      });

  // `--files js-2000,plain`: only the documents whose name (`app-2000.js`, `plain-10000.ts`) contains one of these.
  if (args.files)
    docs.splice(
      0,
      docs.length,
      ...docs.filter((doc) =>
        args.files.some((part) => doc.name.includes(part.replace(/^(js|ts)-(\d+)$/, '$2.$1'))),
      ),
    );

  const report = {
    date: new Date().toISOString(),
    command: `node bench/language-server.mjs ${process.argv.slice(2).join(' ')}`.trim(),
    args,
    machine: {
      nproc: os.availableParallelism?.() ?? os.cpus().length,
      cpu: os.cpus()[0]?.model ?? 'unknown',
      memoryGiB: Math.round(os.totalmem() / 2 ** 30),
      node: process.version,
      platform: `${os.platform()} ${os.release()}`,
      eslint: Linter.version,
      peer: args.peer
        ? JSON.parse(
            fs.readFileSync(
              path.join(peerDir, 'node_modules', 'vscode-langservers-extracted', 'package.json'),
              'utf8',
            ),
          ).version
        : undefined,
    },
  };

  report.loadAverage = { start: loadAverage() };
  // 1. Cold start, before anything else runs (a first unmeasured start of each warms the file cache).
  const coldRuns = args.only === 'edits' ? 0 : 5;
  const coldDocs =
    args.only === 'edits'
      ? []
      : docs.filter((doc) => !doc.corsFree && (doc.lines === 200 || doc.lines === 2000));
  report.cold = { runs: coldRuns, files: [] };
  if (coldDocs.length > 0) {
    await coldStart('ours', coldDocs[0]);
    if (args.peer) await coldStart('peer', coldDocs[0]);
  }
  for (const doc of coldDocs) {
    const runs = { ours: [], peer: [] };
    for (let i = 0; i < coldRuns; i++) {
      runs.ours.push(await coldStart('ours', doc));
      if (args.peer) runs.peer.push(await coldStart('peer', doc));
    }
    const summarize = (list) => ({
      total: stats(list.map((r) => r.total)),
      initialize: stats(list.map((r) => r.initializeMs)),
      rssMB: stats(list.map((r) => r.memory.rssMB)),
      diagnostics: list[0]?.diagnostics,
    });
    report.cold.files.push({
      name: `${doc.dialect} ${doc.lines} lines`,
      ours: summarize(runs.ours),
      peer: args.peer ? summarize(runs.peer) : undefined,
    });
    console.log(
      `cold start ${doc.name}: ours ${f(stats(runs.ours.map((r) => r.total)).p50, 0)} ms${args.peer ? `, peer ${f(stats(runs.peer.map((r) => r.total)).p50, 0)} ms` : ''}`,
    );
  }

  if (args.only !== 'edits') report.cold.imports = importAnatomy(5);
  report.loadAverage.afterColdStart = loadAverage();
  // 2.–4. Edits and code actions, on long-lived servers.
  const servers = { ours: new Server('ours'), peer: args.peer ? new Server('peer') : undefined };
  await servers.ours.initialize();
  if (servers.peer) await servers.peer.initialize();
  report.edits = [];
  report.codeActions = {};
  report.codeActionRuns = args.quick ? 20 : 30;
  for (const doc of docs) {
    const result = await measureEdits(doc, servers, args);
    result.corsFree = doc.corsFree;
    console.log(
      `${doc.name}: floor ${ms(result.floor)}, ours ${ms(result.ours)} (${f(result.ours.p50 / result.floor.p50, 2)}×)${result.peer ? `, peer ${ms(result.peer)}` : ''} ms; CPU ours ${ms(result.cpu.ours)}${result.peer ? `, peer ${ms(result.cpu.peer)}` : ''} ms; run-queue wait ours ${ms(result.wait.ours)}${result.peer ? `, peer ${ms(result.wait.peer)}` : ''} ms; ${result.diagnostics.ours} diagnostics${result.mismatches.length ? `; COUNT MISMATCHES ${JSON.stringify(result.mismatches.slice(0, 3))}` : ''}`,
    );
    if (!doc.corsFree) {
      report.codeActions[`${doc.dialect} ${doc.lines} lines`] = await measureCodeActions(
        doc,
        result,
        servers,
        report.codeActionRuns,
      );
      const c = report.codeActions[`${doc.dialect} ${doc.lines} lines`];
      console.log(
        `  code actions: fixable ${ms(c.fixable, 2)}, quickfix only ${ms(c.fixableQuickfixOnly, 2)}, not fixable ${ms(c.notFixable, 2)}${c.peer ? `, peer ${ms(c.peer, 2)}` : ''} ms`,
      );
    }
    await servers.ours.close(doc.uri);
    if (servers.peer) await servers.peer.close(doc.uri);
    delete result.lastDiagnostics;
    delete result.text;
    report.edits.push(result);
  }
  report.loadAverage.afterEdits = loadAverage();
  report.longLivedMemory = { ours: servers.ours.memory(), peer: servers.peer?.memory() };
  await servers.ours.stop();
  if (servers.peer) await servers.peer.stop();

  // 5. Memory after opening many files (not with `--only edits`).
  if (args.only !== 'edits') {
    const manyCount = args.quick ? 100 : 500;
    const many = [];
    for (let i = 0; i < manyCount; i++) {
      const dialect = i % 5 < 2 ? 'ts' : 'js';
      const lines = 100 + ((i * 37) % 8) * 100;
      many.push(
        writeDoc(
          `many/file-${String(i).padStart(3, '0')}.${dialect}`,
          generateFile({ lines, dialect, seed: i + 2 }),
        ),
      );
    }
    report.memory = {
      mix: `${many.filter((d) => d.dialect === 'ts').length} TypeScript and ${many.filter((d) => d.dialect === 'js').length} JavaScript, 100–800 lines each, all with CORS code`,
    };
    report.memory.ours = await memoryAfterOpening('ours', many);
    console.log(
      `memory after ${manyCount} files: ours ${f(report.memory.ours.atPublish.rssMB, 0)} MB (${f(report.memory.ours.afterIdle.rssMB, 0)} MB after 3 s, ${f(report.memory.ours.afterLongIdle.rssMB, 0)} MB after 30 s)`,
    );
    if (args.peer) {
      report.memory.peer = await memoryAfterOpening('peer', many);
      console.log(
        `memory after ${manyCount} files: peer ${f(report.memory.peer.atPublish.rssMB, 0)} MB (${f(report.memory.peer.afterIdle.rssMB, 0)} MB after 3 s, ${f(report.memory.peer.afterLongIdle.rssMB, 0)} MB after 30 s)`,
      );
    }
  }

  report.loadAverage.end = loadAverage();
  report.targets = targets(report);
  report.markdown = markdown(report);
  fs.mkdirSync(resultsDir, { recursive: true });
  const json = `${JSON.stringify(report, null, 2)}\n`;
  fs.writeFileSync(
    path.join(resultsDir, `language-server-${report.date.replace(/[:.]/g, '-')}.json`),
    json,
  );
  fs.writeFileSync(path.join(resultsDir, 'language-server-latest.json'), json);
  console.log(`\n${report.markdown}\n\nresults: bench/.results/language-server-latest.json`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
