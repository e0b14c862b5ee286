import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as typescriptParser from '@typescript-eslint/parser';
import { buildProjectSnapshot } from 'eslint-plugin-cors';
import type { AuditArgs } from '../args.js';
import type { Io } from '../output.js';
import { collectFiles } from './collect-files.js';
import { formatJson } from './format-json.js';
import { formatPretty } from './format-pretty.js';
import { formatSarif } from './format-sarif.js';
import { lintFiles } from './lint-files.js';
import type { FileOutcome } from './lint-file.js';
import { asOutcomes, exitCode, type AuditReport } from './results.js';
import { writeFixes } from './write-fixes.js';

/** Audits the paths with the plugin's rules; the exit code says what `exitCode` documents. */
export async function runAudit(args: AuditArgs, io: Io): Promise<number> {
  const { candidates, unreadable } = collectFiles(args.paths, io.cwd);

  // The whole audit reports at the end: on a terminal, a ticking line shows it is alive.
  const progress = io.stderr.isTTY === true;
  const started = Date.now();
  const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;
  let done = 0;
  const ticker = progress
    ? setInterval(
        () =>
          io.stderr.write(
            `\rcors-lint: linting ${done} of ${candidates.length} file(s) … ${elapsed()}`,
          ),
        250,
      )
    : undefined;
  let outcomes: FileOutcome[];
  // The project index is built here, once; worker threads read its snapshot instead of each building it.
  const snapshotFolder =
    args.project === undefined
      ? undefined
      : fs.mkdtempSync(path.join(os.tmpdir(), 'cors-lint-index-'));
  try {
    const project =
      snapshotFolder === undefined
        ? undefined
        : buildProjectSnapshot(
            path.resolve(io.cwd, args.project ?? '.'),
            path.join(snapshotFolder, 'index.json'),
            typescriptParser,
          );
    const options = {
      config: args.config,
      appOrigins: args.appOrigins,
      fix: args.fix,
      includeGenerated: args.includeGenerated,
      maxFileBytes: args.maxFileBytes,
      ...(project ? { project } : {}),
    };
    outcomes = await lintFiles(candidates, options, args.concurrency, (count) => (done = count));
  } finally {
    clearInterval(ticker);
    if (snapshotFolder !== undefined) fs.rmSync(snapshotFolder, { recursive: true, force: true });
  }
  if (progress)
    io.stderr.write(`\rcors-lint: ${candidates.length} file(s) linted in ${elapsed()}\n`);

  const fixes = args.fix
    ? writeFixes(
        outcomes.flatMap((file) =>
          file.status === 'linted' && file.fixed
            ? [{ filePath: file.filePath, ...file.fixed }]
            : [],
        ),
      )
    : undefined;
  const files = [...outcomes, ...asOutcomes(unreadable)].sort((a, b) =>
    a.filePath < b.filePath ? -1 : a.filePath > b.filePath ? 1 : 0,
  );
  const report: AuditReport = { files, fixes };
  io.stdout.write(format(args, report, io));
  return exitCode(report);
}

function format(args: AuditArgs, report: AuditReport, io: Io): string {
  switch (args.format) {
    case 'json':
      return formatJson(report, io.cwd);
    case 'sarif':
      return formatSarif(report, io.cwd);
    case 'pretty':
      return formatPretty(report, io);
  }
}
