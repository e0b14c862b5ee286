/**
 * The language server's project index (issue 17), measured: on a generated project of `--files`
 * files (default 2,000), the time from an edit of a server file to the re-published diagnostics of
 * the open client file that consulted it. Two ways: the server file open and edited in the editor
 * (`didChange`, unsaved), and the file written on disk and reported by the watcher
 * (`didChangeWatchedFiles`). Each edit toggles `Authorization` in the server's `allowedHeaders`,
 * so the client's `cors/require-allowed-request-headers` finding goes and comes back.
 *
 *   npx tsc -b && node bench/language-server/project-index.mjs [--files 2000] [--runs 15]
 *
 * The project: `test-fixtures/project-express-vite`'s API and client, 40 more Express servers that
 * use `cors` (ports 4000…), and plain modules up to `--files`. Target: ≤ 500 ms per edit. Results
 * are printed as JSON, with the load average when measured.
 */
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { lsp, option, percentile, root, round, startServer } from '../lib/language-server.mjs';

const fileCount = option('files', 2000);
const runs = option('runs', 15);
const SERVERS = 40;

// The project, outside this repository: `git ls-files` lists nothing in an ignored folder like bench/.results.
const project = path.join(os.tmpdir(), 'cors-bench-ls-project-index');
rmSync(project, { recursive: true, force: true });
cpSync(path.join(root, 'test-fixtures', 'project-express-vite'), project, { recursive: true });
let files = 7;
for (let server = 0; server < SERVERS; server++, files++) {
  const folder = path.join(project, 'services', `svc-${server}`);
  mkdirSync(folder, { recursive: true });
  writeFileSync(
    path.join(folder, 'server.js'),
    `import express from 'express';\nimport cors from 'cors';\n\nconst app = express();\napp.use(cors({ origin: 'http://localhost:5173', allowedHeaders: ['Content-Type'] }));\napp.get('/svc-${server}/items', (req, res) => res.json([]));\napp.listen(${4000 + server});\n`,
  );
}
for (let module = 0; files < fileCount; module++, files++) {
  const folder = path.join(project, 'packages', `lib-${module % 50}`, 'src');
  mkdirSync(folder, { recursive: true });
  const body = Array.from(
    { length: 30 },
    (_, line) =>
      `export function f${module}_${line}(value) {\n  return value.map((item) => item * ${line} + ${module});\n}\n`,
  ).join('\n');
  writeFileSync(path.join(folder, `module-${module}.js`), body);
}

const serverFile = path.join(project, 'apps', 'api', 'server.js');
const serverUri = pathToFileURL(serverFile).href;
const clientUri = pathToFileURL(path.join(project, 'apps', 'web', 'src', 'orders.js')).href;
const serverText = readFileSync(serverFile, 'utf8');
const allowingText = serverText.replace(
  "allowedHeaders: ['Content-Type']",
  "allowedHeaders: ['Content-Type', 'Authorization']",
);

// The server, over stdio.
const { connection } = startServer();
const waiters = new Set();
const wait = (match) => new Promise((resolve) => waiters.add({ match, resolve }));
const notify = (event) => {
  for (const waiter of waiters) {
    if (!waiter.match(event)) continue;
    waiters.delete(waiter);
    waiter.resolve({ ...event, at: performance.now() });
  }
};
connection.onNotification(lsp.PublishDiagnosticsNotification.type, (params) =>
  notify({ kind: 'publish', ...params }),
);
connection.onNotification(lsp.LogMessageNotification.type, (params) =>
  notify({ kind: 'log', ...params }),
);
connection.onRequest(lsp.ConfigurationRequest.type, (params) => params.items.map(() => null));
connection.onRequest(lsp.RegistrationRequest.type, () => undefined);
connection.listen();

const hasHeaderFinding = (event) =>
  event.diagnostics.some(
    (diagnostic) => diagnostic.code === 'cors/require-allowed-request-headers',
  );
const clientPublish = (withFinding) =>
  wait(
    (event) =>
      event.kind === 'publish' &&
      event.uri === clientUri &&
      hasHeaderFinding(event) === withFinding,
  );

const startedAt = performance.now();
await connection.sendRequest(lsp.InitializeRequest.type, {
  processId: process.pid,
  rootUri: pathToFileURL(project).href,
  workspaceFolders: [{ uri: pathToFileURL(project).href, name: 'project' }],
  capabilities: {
    workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true } },
  },
});
const indexed = wait(
  (event) => event.kind === 'log' && event.message.includes(`indexed ${project}`),
);
await connection.sendNotification(lsp.InitializedNotification.type, {});
const indexLog = await indexed;
const indexReadyMs = indexLog.at - startedAt;

let firstPublish = clientPublish(true);
await connection.sendNotification(lsp.DidOpenTextDocumentNotification.type, {
  textDocument: {
    uri: clientUri,
    languageId: 'javascript',
    version: 1,
    text: readFileSync(new URL(clientUri), 'utf8'),
  },
});
await firstPublish;

// Edited in the editor, unsaved.
await connection.sendNotification(lsp.DidOpenTextDocumentNotification.type, {
  textDocument: { uri: serverUri, languageId: 'javascript', version: 1, text: serverText },
});
const unsaved = [];
let version = 1;
for (let run = 0; run < runs * 2; run++) {
  const allow = run % 2 === 0;
  const published = clientPublish(!allow);
  const start = performance.now();
  version++;
  await connection.sendNotification(lsp.DidChangeTextDocumentNotification.type, {
    textDocument: { uri: serverUri, version },
    contentChanges: [{ text: allow ? allowingText : serverText }],
  });
  unsaved.push((await published).at - start);
}
await connection.sendNotification(lsp.DidCloseTextDocumentNotification.type, {
  textDocument: { uri: serverUri },
});

// Written on disk, reported by the watcher.
const watched = [];
for (let run = 0; run < runs * 2; run++) {
  const allow = run % 2 === 0;
  const published = clientPublish(!allow);
  const start = performance.now();
  writeFileSync(serverFile, allow ? allowingText : serverText);
  await connection.sendNotification(lsp.DidChangeWatchedFilesNotification.type, {
    changes: [{ uri: serverUri, type: lsp.FileChangeType.Changed }],
  });
  watched.push((await published).at - start);
}

await connection.sendRequest(lsp.ShutdownRequest.type);
await connection.sendNotification(lsp.ExitNotification.type);
connection.dispose();
rmSync(project, { recursive: true, force: true });
const stats = (values) => ({
  edits: values.length,
  p50: round(percentile(values, 50)),
  p95: round(percentile(values, 95)),
  max: round(Math.max(...values)),
});
console.log(
  JSON.stringify(
    {
      node: process.version,
      cpus: os.cpus().length,
      loadAverage: os.loadavg().map(round),
      project: { files: fileCount, servers: SERVERS + 1 },
      indexReady: { fromStartMs: round(indexReadyMs), log: indexLog.message },
      editToClientDiagnosticsMs: { unsavedEdit: stats(unsaved), watchedFileChange: stats(watched) },
    },
    null,
    2,
  ),
);
