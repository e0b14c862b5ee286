import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFixes } from '../dist/audit/write-fixes.js';
import { cli, emptyFolder } from './helpers.js';

/** A file with one finding (a trailing slash in the origin, fixable) at 2:33. */
const ONE_FINDING =
  "const cors = require('cors');\nmodule.exports = cors({ origin: 'https://app.example.com/' });\n";
const CLEAN =
  "const cors = require('cors');\nmodule.exports = cors({ origin: 'https://app.example.com' });\n";

interface JsonReport {
  files: {
    file: string;
    notAudited?: { reason: string; line?: number; column?: number };
    notes?: { message: string }[];
    findings: { rule: string; line: number; column: number }[];
  }[];
  skipped?: { file: string; reason: string }[];
  fixes?: { written: string[]; failed: { file: string; reason: string }[] };
  summary: {
    filesLinted: number;
    filesWithFindings: number;
    findings: number;
    filesNotAudited: number;
    filesSkipped: number;
  };
}

const json = (stdout: string) => JSON.parse(stdout) as JsonReport;
const where = (report: JsonReport) =>
  report.files.map((file) => [
    file.file,
    file.notAudited?.reason ??
      file.findings
        .map((finding) => `${finding.line}:${finding.column} ${finding.rule}`)
        .join(', '),
  ]);
const isRoot = process.getuid?.() === 0;

function folderWith(files: Record<string, string | Buffer>): string {
  const folder = emptyFolder();
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(folder, name)), { recursive: true });
    fs.writeFileSync(path.join(folder, name), content);
  }
  return folder;
}

describe('cors-lint audits every path it is given, or fails', () => {
  it('lints a named file outside the working folder, under node_modules or listed in .gitignore', async () => {
    const folder = folderWith({
      'repo/.gitignore': 'generated/\n',
      'repo/generated/server.js': ONE_FINDING,
      'repo/node_modules/dep/index.js': ONE_FINDING,
      'elsewhere/server.js': ONE_FINDING,
      'elsewhere/lib/app.ts': ONE_FINDING,
    });
    const repo = path.join(folder, 'repo');
    const run = await cli(
      [
        '--format',
        'json',
        '../elsewhere/server.js',
        'node_modules/dep/index.js',
        'generated/server.js',
      ],
      repo,
    );
    expect(run.code).toBe(1);
    expect(where(json(run.stdout))).toEqual([
      ['../elsewhere/server.js', '2:33 cors/valid-allow-origin'],
      ['generated/server.js', '2:33 cors/valid-allow-origin'],
      ['node_modules/dep/index.js', '2:33 cors/valid-allow-origin'],
    ]);
    // A folder outside the working folder is walked too.
    const outside = await cli(['--format', 'json', '../elsewhere'], repo);
    expect(where(json(outside.stdout))).toEqual([
      ['../elsewhere/lib/app.ts', '2:33 cors/valid-allow-origin'],
      ['../elsewhere/server.js', '2:33 cors/valid-allow-origin'],
    ]);
    // In a walked folder, node_modules and .gitignore'd folders stay skipped: here nothing is left.
    const walked = await cli(['--format', 'json'], repo);
    expect(walked.code).toBe(2);
    expect(walked.stderr).toMatch(
      /^cors-lint: no JavaScript, TypeScript, nginx or Django settings files to audit in \. \(node_modules and \.gitignore'd files are skipped\)/,
    );
  });

  it('exits 2 naming a path that is not a JavaScript, TypeScript or nginx file', async () => {
    const folder = folderWith({ 'notes.md': '# cors\n' });
    const run = await cli(['notes.md'], folder);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /^cors-lint: notes\.md is not a JavaScript, TypeScript or nginx file, or a Django settings module \(\.js, /,
    );
  });
});

describe('a file that could not be audited is not a pass', () => {
  it('exits 3 when the only problem is a file with a syntax error, and says where', async () => {
    const folder = folderWith({ 'broken.js': 'const app = express(;\n', 'clean.js': CLEAN });
    const run = await cli([], folder);
    expect(run).toEqual({
      code: 3,
      stdout:
        'broken.js\n  1:21  not audited  syntax error: Unexpected token ; (no CORS rule ran on this file)\n\nNo CORS problems found in 1 file(s).\n1 file(s) could not be audited (listed above with the reason).\n',
      stderr: '',
    });
    const sarif = JSON.parse((await cli(['--format', 'sarif'], folder)).stdout) as {
      runs: {
        results: unknown[];
        invocations: {
          executionSuccessful: boolean;
          toolExecutionNotifications: {
            level: string;
            message: { text: string };
            locations: {
              physicalLocation: {
                artifactLocation: { uri: string };
                region?: { startLine: number };
              };
            }[];
          }[];
        }[];
      }[];
    };
    const [run0] = sarif.runs;
    expect(run0?.results).toEqual([]);
    expect(run0?.invocations[0]?.executionSuccessful).toBe(false);
    expect(run0?.invocations[0]?.toolExecutionNotifications).toEqual([
      {
        level: 'error',
        message: { text: 'Not audited: syntax error: Unexpected token ;' },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: expect.stringMatching(/\/broken\.js$/) as unknown },
              region: { startLine: 1, startColumn: 21 },
            },
          },
        ],
      },
    ]);
  });

  it('decodes UTF-8 and UTF-16 byte order marks, and names what it cannot decode', async () => {
    const utf16le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(ONE_FINDING, 'utf16le')]);
    const utf16be = Buffer.from(utf16le).swap16();
    const folder = folderWith({
      'utf8-bom.js': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(ONE_FINDING)]),
      'utf16le.js': utf16le,
      'utf16be.js': utf16be,
      'latin1.js': Buffer.from("// caf\xe9\nconst cors = require('cors');\n", 'latin1'),
      'binary.js': Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 1, 2]),
    });
    const report = json((await cli(['--format', 'json'], folder)).stdout);
    expect(where(report)).toEqual([
      ['binary.js', 'a binary file, not source text (it contains NUL bytes)'],
      [
        'latin1.js',
        'not valid UTF-8; other encodings without a byte order mark are not supported (save it as UTF-8)',
      ],
      ['utf16be.js', '2:33 cors/valid-allow-origin'],
      ['utf16le.js', '2:33 cors/valid-allow-origin'],
      ['utf8-bom.js', '2:33 cors/valid-allow-origin'],
    ]);
    // --fix writes each file back in its own encoding, byte order mark included.
    await cli(['--fix'], folder);
    expect(fs.readFileSync(path.join(folder, 'utf16le.js'))).toEqual(
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(CLEAN, 'utf16le')]),
    );
    expect(fs.readFileSync(path.join(folder, 'utf16be.js'))).toEqual(
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(CLEAN, 'utf16le')]).swap16(),
    );
    expect(fs.readFileSync(path.join(folder, 'utf8-bom.js'))).toEqual(
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(CLEAN)]),
    );
  });

  it('audits a .js file with type annotations (Flow) with the TypeScript parser, after module and script fail', async () => {
    const folder = folderWith({
      'flow.js': `// @flow\nfunction pick(origin: string): string { return origin; }\n${ONE_FINDING}`,
    });
    const run = await cli(['--format', 'json'], folder);
    expect(run.code).toBe(1);
    expect(where(json(run.stdout))).toEqual([['flow.js', '4:33 cors/valid-allow-origin']]);
  });

  it('audits a file with an /* eslint-env */ comment and notes the comment, never "not audited"', async () => {
    const folder = folderWith({ 'server.js': `/* eslint-env node */\n${ONE_FINDING}` });
    const run = await cli(['--format', 'json'], folder);
    expect(run.code).toBe(1);
    const [file] = json(run.stdout).files;
    expect(file?.notAudited).toBeUndefined();
    expect(file?.notes).toEqual([
      { message: '/* eslint-env */ comments are no longer supported.', line: 1, column: 1 },
    ]);
    expect(file?.findings.map((finding) => `${finding.line}:${finding.column}`)).toEqual(['3:33']);
  });
});

describe('one bad entry never aborts the audit', () => {
  it('reports dangling and looping symlinks and code nested too deeply, and audits the rest', async () => {
    const folder = folderWith({
      'server.js': ONE_FINDING,
      'deep.js': `const x = a${'\n.b'.repeat(20_000)};\n`,
    });
    fs.symlinkSync('missing.js', path.join(folder, 'dangling.js'));
    fs.symlinkSync('loop.js', path.join(folder, 'loop.js'));
    fs.symlinkSync('.', path.join(folder, 'self-folder'));
    const run = await cli(['--format', 'json'], folder);
    expect(run.code).toBe(1);
    expect(where(json(run.stdout))).toEqual([
      ['dangling.js', 'a symbolic link to a missing file (missing.js)'],
      ['deep.js', 'the code is nested too deeply to analyse (the stack overflowed)'],
      ['loop.js', 'a symbolic link that points to itself (a loop)'],
      ['server.js', '2:33 cors/valid-allow-origin'],
    ]);
    expect(json(run.stdout).summary).toMatchObject({ filesLinted: 1, filesNotAudited: 3 });
  });

  it.runIf(!isRoot)(
    'reports an unreadable file and folder (not checkable as root, who reads everything)',
    async () => {
      const folder = folderWith({
        'server.js': ONE_FINDING,
        'secret.js': CLEAN,
        'locked/app.js': CLEAN,
      });
      fs.chmodSync(path.join(folder, 'secret.js'), 0o000);
      fs.chmodSync(path.join(folder, 'locked'), 0o000);
      const run = await cli(['--format', 'json'], folder);
      expect(where(json(run.stdout))).toEqual([
        ['locked', 'cannot read this folder (permission denied)'],
        ['secret.js', 'cannot read it (permission denied)'],
        ['server.js', '2:33 cors/valid-allow-origin'],
      ]);
    },
  );
});

describe('--fix is all or nothing per file and says what it wrote', () => {
  it('names the files it fixed', async () => {
    const folder = folderWith({ 'a.js': ONE_FINDING, 'b.js': ONE_FINDING, 'c.js': CLEAN });
    const run = await cli(['--fix'], folder);
    expect(run).toEqual({
      code: 0,
      stdout: 'Fixed 2 file(s): a.js, b.js\nNo CORS problems found in 3 file(s).\n',
      stderr: '',
    });
  });

  it('keeps a file it cannot write whole, writes the others, and reports the failure', () => {
    const folder = folderWith({ 'a.js': ONE_FINDING, 'b.js': ONE_FINDING });
    // The temporary file beside b.js cannot be created: a folder is in its way.
    fs.mkdirSync(path.join(folder, `.b.js.cors-lint-${process.pid}.tmp`));
    const report = writeFixes([
      { filePath: path.join(folder, 'a.js'), output: CLEAN, encoding: 'utf8' },
      { filePath: path.join(folder, 'b.js'), output: CLEAN, encoding: 'utf8' },
    ]);
    expect(report).toEqual({
      written: [path.join(folder, 'a.js')],
      failed: [{ filePath: path.join(folder, 'b.js'), reason: 'it is a folder' }],
    });
    expect(fs.readFileSync(path.join(folder, 'a.js'), 'utf8')).toBe(CLEAN);
    expect(fs.readFileSync(path.join(folder, 'b.js'), 'utf8')).toBe(ONE_FINDING);
  });

  it.runIf(!isRoot)(
    'exits 2 naming a read-only file, after writing the others (not checkable as root)',
    async () => {
      const folder = folderWith({ 'a.js': ONE_FINDING, 'b.js': ONE_FINDING });
      fs.chmodSync(path.join(folder, 'b.js'), 0o444);
      const run = await cli(['--fix', '--format', 'json'], folder);
      expect(run.code).toBe(2);
      expect(json(run.stdout).fixes).toEqual({
        written: ['a.js'],
        failed: [{ file: 'b.js', reason: 'permission denied' }],
      });
      expect(fs.readFileSync(path.join(folder, 'b.js'), 'utf8')).toBe(ONE_FINDING);
    },
  );

  it('fixes the file a symbolic link points to, and keeps the link', async () => {
    const folder = folderWith({ 'real/server.js': ONE_FINDING });
    fs.symlinkSync(path.join('real', 'server.js'), path.join(folder, 'link.js'));
    expect((await cli(['--fix', 'link.js'], folder)).code).toBe(0);
    expect(fs.lstatSync(path.join(folder, 'link.js')).isSymbolicLink()).toBe(true);
    expect(fs.readFileSync(path.join(folder, 'real', 'server.js'), 'utf8')).toBe(CLEAN);
  });
});

describe('generated and minified files', () => {
  const minified = `${ONE_FINDING.replace(/\n/g, ';')}${'var a=1,b=2;'.repeat(3000)}\n`;

  it('skips them in folders with a notice, and audits them with --include-generated', async () => {
    const folder = folderWith({
      'dist/app.js': minified,
      'vendor.min.js': ONE_FINDING,
      'server.js': CLEAN,
    });
    const run = await cli([], folder);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(
      [
        'Skipped 2 generated or minified file(s); pass --include-generated to audit them:',
        `  dist/app.js  minified (lines of ${minified.length} characters on average)`,
        '  vendor.min.js  a minified file (.min.)',
        '',
        'No CORS problems found in 1 file(s).',
        '',
      ].join('\n'),
    );
    const all = json((await cli(['--format', 'json', '--include-generated'], folder)).stdout);
    expect(where(all)).toEqual([
      ['dist/app.js', '1:63 cors/valid-allow-origin'],
      ['vendor.min.js', '2:33 cors/valid-allow-origin'],
    ]);
  });

  it('counts a named generated file as not audited, so naming a file never passes silently', async () => {
    const folder = folderWith({ 'bundle.js': minified });
    const run = await cli(['bundle.js'], folder);
    expect(run.code).toBe(3);
    expect(run.stdout).toContain(
      `bundle.js\n  not audited  minified (lines of ${minified.length} characters on average); pass --include-generated to audit it (no CORS rule ran on this file)\n`,
    );
  });
});

describe('options', () => {
  it('rejects a repeated option and an unknown one next to --help', async () => {
    const folder = folderWith({ 'server.js': CLEAN });
    const repeated = await cli(['--format', 'json', '--format', 'sarif'], folder);
    expect(repeated).toMatchObject({ code: 2, stdout: '' });
    expect(repeated.stderr).toMatch(/^cors-lint: --format is given more than once\n/);
    const bogus = await cli(['--bogus', '--help'], folder);
    expect(bogus).toMatchObject({ code: 2, stdout: '' });
    expect(bogus.stderr).toMatch(/^cors-lint: Unknown option '--bogus'/);
    // Repeatable options stay repeatable.
    expect(
      (
        await cli(
          ['--app-origin', 'https://a.example.com', '--app-origin', 'https://b.example.com'],
          folder,
        )
      ).code,
    ).toBe(0);
  });
});
