/**
 * `cors-lint [paths…]` audits a codebase with eslint-plugin-cors; `cors-lint probe <url>` checks a
 * live endpoint the way a browser would. Exit codes: 0 clean, 1 findings (or a blocked probe),
 * 2 usage, input or internal error.
 */
import { createRequire } from 'node:module';
import { parseAuditArgs, parseProbeArgs, USAGE, wantsHelpOrVersion } from './args.js';
import { errorText, NetworkError, UsageError } from './errors.js';
import type { Io } from './output.js';

export type { Io } from './output.js';

const { version } = createRequire(import.meta.url)('../package.json') as { version: string };

export async function main(argv: readonly string[], io: Io): Promise<number> {
  try {
    const early = wantsHelpOrVersion(argv);
    if (early === 'help') {
      io.stdout.write(USAGE);
      return 0;
    }
    if (early === 'version') {
      io.stdout.write(`cors-lint ${version}\n`);
      return 0;
    }
    // ESLint, the plugin and the parsers load only when a command needs them: `--version` and
    // `--help` start as fast as `eslint --version`.
    if (argv[0] === 'probe') {
      const args = parseProbeArgs(argv.slice(1));
      const { runProbe } = await import('./probe/run-probe.js');
      return await runProbe(args, io);
    }
    const args = parseAuditArgs(argv);
    const { runAudit } = await import('./audit/run-audit.js');
    return await runAudit(args, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`cors-lint: ${error.message}\nRun 'cors-lint --help' for usage.\n`);
    } else if (error instanceof NetworkError) {
      io.stderr.write(`cors-lint: ${error.message}\n`);
    } else {
      io.stderr.write(`cors-lint: internal error: ${errorText(error)}\n`);
    }
    return 2;
  }
}

/** The probe as a function, for tests and scripts: the same decisions `cors-lint probe` prints. */
export { probe, type ProbeReport } from './probe/run-probe.js';
export { hints as probeHints } from './probe/format-probe.js';
export type { ProbeArgs } from './args.js';
