/**
 * One file's audit, isolated: whatever goes wrong in it (bytes that are not text, a syntax error, a
 * rule or ESLint's scope analysis overflowing the stack on a 5,000-long member chain) becomes this
 * file's "not audited" outcome with the reason, and the other files are audited as usual. Runs in
 * the main thread or in a worker; the outcome is plain data either way.
 */
import fs from 'node:fs';
import path from 'node:path';
import { generatedReason } from 'cors-lint-core';
import { Linter } from 'eslint';
import type { Candidate } from './collect-files.js';
import { systemReason } from './collect-files.js';
import { lintConfig, type LintOptions } from './lint-config.js';
import { decodeSource, type SourceEncoding } from './read-source.js';

export interface FileLintOptions extends LintOptions {
  readonly fix: boolean;
  /** Lint generated and minified files too (`--include-generated`). */
  readonly includeGenerated: boolean;
  readonly maxFileBytes: number;
}

export type FileOutcome =
  | {
      readonly status: 'linted';
      readonly filePath: string;
      /** The plugin's findings (after fixes, with `--fix`). */
      readonly findings: readonly Linter.LintMessage[];
      /** ESLint's remarks on the file's own comments (an `/* eslint-env *\/`, a bad directive): not findings, not a failure. */
      readonly notes: readonly Linter.LintMessage[];
      /** The fixed text, when `--fix` changed something. */
      readonly fixed?: { readonly output: string; readonly encoding: SourceEncoding };
    }
  /** Found in a folder, but generated or minified: skipped with a notice. */
  | { readonly status: 'skipped'; readonly filePath: string; readonly reason: string }
  /** Could not be audited: never a pass. */
  | {
      readonly status: 'unaudited';
      readonly filePath: string;
      readonly reason: string;
      readonly line?: number;
      readonly column?: number;
    };

/** `.js`/`.jsx` may be sloppy-mode CommonJS (`with`, octal literals, a top-level `return`) or carry type annotations (Flow). */
const SCRIPT_CANDIDATE = /\.jsx?$/i;

export class FileLinter {
  private readonly linters = new Map<string, Linter>();
  private readonly moduleConfig: Linter.Config[];
  private readonly scriptConfig: Linter.Config[];
  private readonly typedJavaScriptConfig: Linter.Config[];

  constructor(private readonly options: FileLintOptions) {
    this.moduleConfig = lintConfig(options, 'module');
    this.scriptConfig = lintConfig(options, 'script');
    this.typedJavaScriptConfig = lintConfig(options, 'typescript');
  }

  lint(candidate: Candidate): FileOutcome {
    const { filePath } = candidate;
    let bytes: Buffer;
    try {
      const size = fs.statSync(filePath).size;
      const tooLarge = this.options.includeGenerated
        ? undefined
        : generatedReason(filePath, size, undefined, this.options.maxFileBytes);
      if (tooLarge) return this.generated(candidate, tooLarge);
      bytes = fs.readFileSync(filePath);
    } catch (error) {
      return { status: 'unaudited', filePath, reason: `cannot read it (${systemReason(error)})` };
    }
    const source = decodeSource(bytes);
    if (source.kind === 'unreadable')
      return { status: 'unaudited', filePath, reason: source.reason };
    const generated = this.options.includeGenerated
      ? undefined
      : generatedReason(filePath, bytes.length, source.text, this.options.maxFileBytes);
    if (generated) return this.generated(candidate, generated);
    try {
      return this.lintText(filePath, source.text, source.encoding);
    } catch (error) {
      return { status: 'unaudited', filePath, reason: analysisFailure(error) };
    }
  }

  /** A generated file found in a folder is skipped; one the user named is reported as not audited. */
  private generated(candidate: Candidate, reason: string): FileOutcome {
    return candidate.named
      ? {
          status: 'unaudited',
          filePath: candidate.filePath,
          reason: `${reason}; pass --include-generated to audit it`,
        }
      : { status: 'skipped', filePath: candidate.filePath, reason };
  }

  private lintText(filePath: string, text: string, encoding: SourceEncoding): FileOutcome {
    let run = this.run(filePath, text, this.moduleConfig);
    // A file that fails every way keeps its first parse error: the one a person reading it as JavaScript expects.
    for (const retry of SCRIPT_CANDIDATE.test(filePath)
      ? [this.scriptConfig, this.typedJavaScriptConfig]
      : []) {
      if (!run.parseError) break;
      const again = this.run(filePath, text, retry);
      if (!again.parseError) run = again;
    }
    if (run.parseError) {
      const { line, column, message } = run.parseError;
      return {
        status: 'unaudited',
        filePath,
        reason: `syntax error: ${message.replace(/^Parsing error: /, '')}`,
        line,
        column,
      };
    }
    // Never a silent pass: ESLint answers a file no configuration matches with one message and no rule run.
    const unmatched = run.messages.find(
      (message) =>
        message.ruleId === null && message.message.startsWith('No matching configuration'),
    );
    if (unmatched)
      return {
        status: 'unaudited',
        filePath,
        reason: `ESLint applied no configuration to it (${unmatched.message})`,
      };
    const findings = run.messages.filter((message) => message.ruleId?.startsWith('cors/') === true);
    // An inline `/* eslint other-rule: … */` names a rule this run does not load: not the audited code's problem.
    const notes = run.messages.filter((message) => message.ruleId === null);
    return {
      status: 'linted',
      filePath,
      findings,
      notes,
      ...(run.output !== undefined && run.output !== text
        ? { fixed: { output: run.output, encoding } }
        : {}),
    };
  }

  private run(
    filePath: string,
    text: string,
    config: Linter.Config[],
  ): {
    messages: Linter.LintMessage[];
    parseError: Linter.LintMessage | undefined;
    output?: string;
  } {
    const linter = this.linterFor(filePath);
    if (this.options.fix) {
      const report = linter.verifyAndFix(text, config, { filename: filePath, fix: true });
      return {
        messages: report.messages,
        parseError: report.messages.find(isParseError),
        output: report.output,
      };
    }
    const messages = linter.verify(text, config, { filename: filePath });
    return { messages, parseError: messages.find(isParseError) };
  }

  /** A Linter rooted at the file system's root, so that a file anywhere matches the configuration's globs. */
  private linterFor(filePath: string): Linter {
    const root = path.parse(filePath).root;
    let linter = this.linters.get(root);
    if (!linter) {
      linter = new Linter({ cwd: root });
      this.linters.set(root, linter);
    }
    return linter;
  }
}

/** ESLint reports a parser's exception as a fatal "Parsing error: …"; other fatal messages are about comments (`/* eslint-env *\/`). */
const isParseError = (message: Linter.LintMessage): boolean =>
  message.fatal === true && message.message.startsWith('Parsing error');

/** A crash's first line, and the rule ESLint names, as the reason a file was not audited. */
function analysisFailure(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const rule = /Rule: "([^"]+)"/.exec(message)?.[1];
  const first = message.split('\n')[0] ?? message;
  const overflow = error instanceof RangeError || /Maximum call stack size exceeded/.test(message);
  const why = overflow
    ? 'the code is nested too deeply to analyse (the stack overflowed)'
    : `the analysis failed (${first})`;
  return rule ? `${why} in ${rule}` : why;
}
