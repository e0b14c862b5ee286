/**
 * What the heap trim costs the next edit (issue 15, item 19): the latency of an edit of a
 * 10,000-line JavaScript file (didChange sent → publishDiagnostics received) after the server has
 * been quiet long enough for the trim to run, with the trim
 *
 *   - `every-idle`: as it was, after every quiet second once the heap grew 32 MB (threshold 0);
 *   - `default`: only with the heap in use over 256 MB (src/heap-trim.ts);
 *   - `off`: never.
 *
 * The variable sets both trims: the main thread's (src/heap-trim.ts) and the lint worker's
 * compaction, which the lint queue asks for once it has been idle for a second with the worker's
 * heap over the threshold (src/engine/lint-queue.ts; the worker is then replaced only if its heap is
 * still over 256 MB).
 *
 *   npx tsc -b && node bench/language-server/heap-trim.mjs [--edits 15] [--quiet-ms 1500]
 *
 * Three servers run side by side (`CORS_LS_HEAP_TRIM_ABOVE_MB` = 0, unset, `off`), and the edits go
 * to them in turn, so machine noise hits all three alike; each server is quiet for at least
 * `--quiet-ms` (more than the trim's 1 s) before its next edit. The edits insert and delete a
 * character in a line comment, so the text and the findings stay the same. Per edit: the wall time,
 * and the server process's CPU time over the same span (utime + stime of /proc/<pid>/stat, all its
 * threads, 10 ms ticks): on a machine shared with other work the wall time mostly measures the
 * queue for a CPU, the CPU time what the edit cost. A trim runs while the server is idle, before
 * the edit is sent, so its own cost is in neither. Also the threads started during the edits (a
 * replaced lint worker is a new thread), and after the edits each server's RSS. Results are
 * printed as JSON.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  lsp,
  option,
  percentile,
  root,
  round,
  rssMb,
  sleep,
  startServer as startLanguageServer,
} from '../lib/language-server.mjs';
import { generateFile } from './generate.mjs';

const edits = option('edits', 15);
const quietMs = option('quiet-ms', 1500);

/** The process's CPU time so far, in ms (all threads: the message loop and the lint worker). */
/** The process's thread ids: a lint worker started anew shows up as a thread not seen before. */
const threads = (pid) => readdirSync(`/proc/${pid}/task`).map(Number);
const cpuMs = (pid) => {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  // utime and stime are fields 14 and 15 of the whole line, 12 and 13 after the command name.
  return (Number(fields[11]) + Number(fields[12])) * 10;
};

const text = generateFile({ lines: 10_000, dialect: 'js', seed: 11 });
const lines = text.split('\n');
// A line comment to type into: the edit changes no finding.
const commentLine = lines.findIndex((line, index) => index > 100 && /^\s*\/\/ /.test(line));
if (commentLine === -1) throw new Error('no line comment in the generated file');
const column = lines[commentLine].length;
const uri = pathToFileURL(path.join(root, 'bench', '.results', 'heap-trim', 'app.js')).href;

async function startServer(name, trimAboveMb) {
  const env = { ...process.env };
  if (trimAboveMb === undefined) delete env.CORS_LS_HEAP_TRIM_ABOVE_MB;
  else env.CORS_LS_HEAP_TRIM_ABOVE_MB = trimAboveMb;
  const { child, connection } = startLanguageServer({ env });
  const published = new Map();
  connection.onNotification(lsp.PublishDiagnosticsNotification.type, (params) =>
    published.set(params.version, { at: performance.now(), count: params.diagnostics.length }),
  );
  connection.onRequest(lsp.ConfigurationRequest.type, (params) =>
    params.items.map(() => ({ timeBudget: 120_000 })),
  );
  connection.listen();
  await connection.sendRequest(lsp.InitializeRequest.type, {
    processId: process.pid,
    rootUri: null,
    capabilities: { workspace: { configuration: true } },
  });
  await connection.sendNotification(lsp.InitializedNotification.type, {});
  const waitFor = async (version) => {
    while (!published.has(version)) await sleep(5);
    return published.get(version);
  };
  await connection.sendNotification(lsp.DidOpenTextDocumentNotification.type, {
    textDocument: { uri, languageId: 'javascript', version: 1, text },
  });
  await waitFor(1);
  return {
    name,
    child,
    connection,
    waitFor,
    version: 1,
    lastDone: performance.now(),
    latencies: [],
    cpu: [],
    counts: new Set(),
    threads: new Set(threads(child.pid)),
    newThreads: 0,
  };
}

const servers = [
  await startServer('every-idle', '0'),
  await startServer('default', undefined),
  await startServer('off', 'off'),
];
for (let edit = 0; edit < edits; edit++) {
  for (const server of servers) {
    const idle = performance.now() - server.lastDone;
    if (idle < quietMs) await sleep(quietMs - idle);
    server.version++;
    const insert = server.version % 2 === 0;
    const change = insert
      ? {
          range: {
            start: { line: commentLine, character: column },
            end: { line: commentLine, character: column },
          },
          text: 'x',
        }
      : {
          range: {
            start: { line: commentLine, character: column },
            end: { line: commentLine, character: column + 1 },
          },
          text: '',
        };
    const cpuBefore = cpuMs(server.child.pid);
    const sent = performance.now();
    await server.connection.sendNotification(lsp.DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version: server.version },
      contentChanges: [change],
    });
    const { at, count } = await server.waitFor(server.version);
    server.latencies.push(at - sent);
    server.cpu.push(cpuMs(server.child.pid) - cpuBefore);
    for (const thread of threads(server.child.pid)) {
      if (server.threads.has(thread)) continue;
      server.threads.add(thread);
      server.newThreads++;
    }
    server.counts.add(count);
    server.lastDone = performance.now();
  }
}

const results = {};
for (const server of servers) {
  results[server.name] = {
    p50: round(percentile(server.latencies, 50)),
    p95: round(percentile(server.latencies, 95)),
    min: round(Math.min(...server.latencies)),
    max: round(Math.max(...server.latencies)),
    cpuP50: percentile(server.cpu, 50),
    cpuP95: percentile(server.cpu, 95),
    diagnostics: [...server.counts],
    /** Threads started during the edits: lint workers replaced (recycleHeapBytes), mostly. */
    newThreads: server.newThreads,
    rssMb: round(rssMb(server.child.pid)),
  };
}
const ratio = (a, b) => Math.round((a / b) * 100) / 100;
const ratios = {
  wallEveryIdleToOff: ratio(results['every-idle'].p50, results.off.p50),
  wallDefaultToOff: ratio(results.default.p50, results.off.p50),
  cpuEveryIdleToOff: ratio(results['every-idle'].cpuP50, results.off.cpuP50),
  cpuDefaultToOff: ratio(results.default.cpuP50, results.off.cpuP50),
};
console.log(
  JSON.stringify(
    {
      node: process.version,
      lines: 10_000,
      edits,
      quietMs,
      load: readFileSync('/proc/loadavg', 'utf8').trim(),
      results,
      ratios,
    },
    null,
    2,
  ),
);
for (const server of servers) {
  await server.connection.sendRequest(lsp.ShutdownRequest.type);
  await server.connection.sendNotification(lsp.ExitNotification.type);
  server.connection.dispose();
}
