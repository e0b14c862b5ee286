import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, copyOfFixture, emptyFolder, REPO } from './helpers.js';

interface JsonReport {
  files: {
    file: string;
    notAudited?: { reason: string; line?: number; column?: number };
    findings: {
      rule: string;
      severity: string;
      line: number;
      column: number;
      fixable: boolean;
      message: string;
    }[];
  }[];
  summary: {
    filesLinted: number;
    filesWithFindings: number;
    findings: number;
    filesNotAudited: number;
    filesSkipped: number;
  };
}

const DEMO_FILES = [
  'backoffice/settings.py',
  'deploy/nginx.conf',
  'middleware/legacy-cors.cjs',
  'routes/catalog.js',
  'routes/orders.js',
  'routes/uploads.ts',
  'server.js',
  'storefront/api.js',
  'storefront/catalog.js',
  'storefront/status.js',
  'storefront/upload.js',
];

describe('cors-lint [paths…]', () => {
  it('reports the demo grouped by file, with the console text, and exits 1', async () => {
    const run = await cli([], path.join(REPO, 'test-fixtures', 'demo'));
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('');
    for (const file of DEMO_FILES) expect(run.stdout).toContain(`${file}\n`);
    expect(run.stdout).toContain('15:40  error  cors/valid-allow-origin (fixable with --fix)');
    expect(run.stdout).toContain(
      `Chrome: "The 'Access-Control-Allow-Origin' header has a value 'https://admin.example.com/' that is not equal to the supplied origin.`,
    );
    // The three places CORS lives: the Express code, the nginx in front of it, the Django back office.
    expect(run.stdout).toContain(
      'deploy/nginx.conf\n  23:13  error  cors/nginx-require-always (fixable with --fix)\n',
    );
    expect(run.stdout).toContain(
      '  27:17  error  cors/nginx-no-dropped-cors-headers\n    Every preflight here fails: this add_header drops the CORS headers inherited from line 23.',
    );
    expect(run.stdout).toContain(
      'backoffice/settings.py\n  47:26  error  cors/no-reflected-origin-with-credentials\n',
    );
    expect(run.stdout).toContain(
      "(`CORS_ALLOW_ALL_ORIGINS = True` echoes every request's origin when credentials are on)",
    );
    expect(run.stdout).toMatch(
      /15 CORS problem\(s\) \(12 error\(s\), 3 warning\(s\)\) in 11 of 13 file\(s\); 4 fixable with --fix\n$/,
    );
    // No colour codes when stdout is not a terminal.
    expect(run.stdout).not.toContain('\u001b[');
  });

  it('gives the same findings as JSON and as SARIF 2.1.0', async () => {
    const demo = path.join(REPO, 'test-fixtures', 'demo');
    const [json, sarif] = await Promise.all([
      cli(['--format', 'json'], demo),
      cli(['--format', 'sarif'], demo),
    ]);
    expect([json.code, sarif.code]).toEqual([1, 1]);
    const report = JSON.parse(json.stdout) as JsonReport;
    expect(report.files.map((file) => file.file)).toEqual(DEMO_FILES);
    expect(report.summary).toEqual({
      filesLinted: 13,
      filesWithFindings: 11,
      findings: 15,
      filesNotAudited: 0,
      filesSkipped: 0,
    });
    expect(report.files.find((file) => file.file === 'server.js')?.findings[0]).toMatchObject({
      rule: 'cors/valid-allow-origin',
      severity: 'error',
      line: 15,
      column: 40,
      fixable: true,
    });

    const log = JSON.parse(sarif.stdout) as {
      version: string;
      runs: {
        tool: { driver: { rules: { id: string; helpUri: string }[] } };
        results: {
          ruleId: string;
          level: string;
          locations: {
            physicalLocation: {
              artifactLocation: { uri: string };
              region: { startLine: number; startColumn: number };
            };
          }[];
        }[];
      }[];
    };
    expect(log.version).toBe('2.1.0');
    const [runLog] = log.runs;
    const fromJson = report.files
      .flatMap((file) =>
        file.findings.map(
          (finding) => `${file.file}:${finding.line}:${finding.column} ${finding.rule}`,
        ),
      )
      .sort();
    const fromSarif = (runLog?.results ?? []).map((result) => {
      const location = result.locations[0]?.physicalLocation;
      return `${location?.artifactLocation.uri.replace(/^.*test-fixtures\/demo\//, '')}:${location?.region.startLine}:${location?.region.startColumn} ${result.ruleId}`;
    });
    expect(fromSarif.sort()).toEqual(fromJson);
    expect(
      runLog?.tool.driver.rules.find((rule) => rule.id === 'cors/no-null-origin')?.helpUri,
    ).toMatch(/docs\/rules\/no-null-origin\.md$/);
  });

  it('audits Django settings modules with no setup: settings.py and settings/*.py, with fixes', async () => {
    const folder = emptyFolder();
    fs.mkdirSync(path.join(folder, 'proj', 'settings'), { recursive: true });
    fs.writeFileSync(
      path.join(folder, 'proj', 'settings.py'),
      'CORS_ALLOW_ALL_ORIGINS = True\nCORS_ALLOW_CREDENTIALS = True\n',
    );
    fs.writeFileSync(
      path.join(folder, 'proj', 'settings', 'production.py'),
      'from .base import *\nCORS_ALLOWED_ORIGINS = ["https://app.example.com:443"]\n',
    );
    // Other Python files are not settings modules.
    fs.writeFileSync(
      path.join(folder, 'proj', 'urls.py'),
      'CORS_ALLOWED_ORIGINS = ["app.example.com"]\n',
    );
    const run = await cli(['--format', 'json'], folder);
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as JsonReport;
    expect(
      report.files.map((file) => [
        file.file,
        file.findings.map((finding) => `${finding.line}:${finding.column} ${finding.rule}`),
      ]),
    ).toEqual([
      ['proj/settings.py', ['1:26 cors/no-reflected-origin-with-credentials']],
      ['proj/settings/production.py', ['2:25 cors/valid-django-allowed-origins']],
    ]);
    expect(report.summary).toMatchObject({ filesLinted: 2, findings: 2 });
    expect((await cli(['--fix'], folder)).code).toBe(1);
    expect(fs.readFileSync(path.join(folder, 'proj', 'settings', 'production.py'), 'utf8')).toBe(
      'from .base import *\nCORS_ALLOWED_ORIGINS = ["https://app.example.com"]\n',
    );
  });

  it('treats requests to --app-origin origins as same-origin in the client rules', async () => {
    const folder = emptyFolder();
    fs.writeFileSync(
      path.join(folder, 'client.js'),
      "export const load = () => fetch('https://app.example.com/api/items', { headers: { 'X-Requested-With': 'XMLHttpRequest' } });\n",
    );
    const crossOrigin = await cli(['--format', 'json'], folder);
    expect(crossOrigin.code).toBe(1);
    expect((JSON.parse(crossOrigin.stdout) as JsonReport).files[0]?.findings[0]).toMatchObject({
      rule: 'cors/no-accidental-preflight',
      line: 1,
      column: 83,
    });
    const sameOrigin = await cli(
      ['--app-origin', 'https://app.example.com', '--app-origin', 'https://admin.example.com'],
      folder,
    );
    expect(sameOrigin).toEqual({
      code: 0,
      stdout: 'No CORS problems found in 1 file(s).\n',
      stderr: '',
    });
    // A URL that is just an origin is taken as that origin, as in the editor setting.
    expect((await cli(['--app-origin', 'https://App.example.com/'], folder)).code).toBe(0);
    const wrong = await cli(['--app-origin', 'https://app.example.com/shop'], folder);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain(
      "--app-origin must be an origin such as https://app.example.com (scheme, host, optional port; no path); got 'https://app.example.com/shop'",
    );
  });

  it('exits 0 with a one-line summary when nothing is found', async () => {
    const folder = emptyFolder();
    for (const name of [
      'clean-exact-origins.js',
      'clean-fixed-origin-with-credentials.mjs',
      'clean-origin-callback-allow-list.ts',
    ])
      fs.copyFileSync(path.join(REPO, 'test-fixtures', 'express', name), path.join(folder, name));
    const run = await cli(['.'], folder);
    expect(run).toEqual({ code: 0, stdout: 'No CORS problems found in 3 file(s).\n', stderr: '' });
  });

  it('applies the automatic fixes with --fix on a copy, leaving the rest', async () => {
    const folder = copyOfFixture('demo');
    const before = fs.readFileSync(path.join(folder, 'server.js'), 'utf8');
    const run = await cli(['--fix', '--format', 'json'], folder);
    expect(run.code).toBe(1);
    const after = fs.readFileSync(path.join(folder, 'server.js'), 'utf8');
    expect(after).not.toBe(before);
    expect(after).toContain("'https://admin.example.com'");
    expect(after).not.toContain("'https://admin.example.com/'");
    expect(after).toContain("'GET, POST, PUT, DELETE'");
    // nginx's autofix: `always` appended, the preflight's dropped headers left to a suggestion.
    const nginx = fs.readFileSync(path.join(folder, 'deploy', 'nginx.conf'), 'utf8');
    expect(nginx).toContain(
      "add_header 'Access-Control-Allow-Origin' 'https://shop.example.com' always;\n",
    );
    expect(nginx).toContain("add_header 'Access-Control-Max-Age' 86400;\n");
    const report = JSON.parse(run.stdout) as JsonReport;
    // What is left are the findings without an autofix: 15 before, 4 fixed.
    expect(report.summary.findings).toBe(11);
    expect(report.files.flatMap((file) => file.findings).every((finding) => !finding.fixable)).toBe(
      true,
    );
    // The original is untouched.
    expect(fs.readFileSync(path.join(REPO, 'test-fixtures', 'demo', 'server.js'), 'utf8')).toBe(
      before,
    );
  });

  it('skips node_modules and what .gitignore lists, and never runs the project’s own ESLint config', async () => {
    const folder = copyOfFixture('demo');
    fs.writeFileSync(path.join(folder, '.gitignore'), 'routes/\n');
    fs.mkdirSync(path.join(folder, 'node_modules', 'dep'), { recursive: true });
    fs.copyFileSync(
      path.join(folder, 'server.js'),
      path.join(folder, 'node_modules', 'dep', 'index.js'),
    );
    const marker = path.join(folder, 'config-was-executed');
    fs.writeFileSync(
      path.join(folder, 'eslint.config.js'),
      `require('node:fs').writeFileSync(${JSON.stringify(marker)}, 'yes'); module.exports = [];\n`,
    );
    const run = await cli(['--format', 'json'], folder);
    const report = JSON.parse(run.stdout) as JsonReport;
    expect(report.files.map((file) => file.file)).toEqual([
      'backoffice/settings.py',
      'deploy/nginx.conf',
      'middleware/legacy-cors.cjs',
      'server.js',
      'storefront/api.js',
      'storefront/catalog.js',
      'storefront/status.js',
      'storefront/upload.js',
    ]);
    expect(fs.existsSync(marker)).toBe(false);
  });

  it('reports a file it cannot parse and still audits the others', async () => {
    const folder = copyOfFixture('demo');
    fs.writeFileSync(
      path.join(folder, 'broken.js'),
      "const app = express(;\napp.use(cors({ origin: '*', credentials: true }));\n",
    );
    fs.writeFileSync(path.join(folder, 'binary.js'), Buffer.from([0, 1, 2, 255, 254, 0, 10]));
    const run = await cli([], folder);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(
      /broken\.js\n {2}1:21 {2}not audited {2}syntax error: Unexpected token ; \(no CORS rule ran on this file\)/,
    );
    expect(run.stdout).toContain(
      'binary.js\n  not audited  a binary file, not source text (it contains NUL bytes) (no CORS rule ran on this file)\n',
    );
    expect(run.stdout).toContain(
      '15 CORS problem(s) (12 error(s), 3 warning(s)) in 11 of 13 file(s); 4 fixable with --fix\n2 file(s) could not be audited (listed above with the reason).\n',
    );
  });

  it('audits a .js file written as sloppy-mode CommonJS (top-level return, octal literal, with) as a script', async () => {
    const folder = emptyFolder();
    fs.writeFileSync(
      path.join(folder, 'legacy-server.js'),
      [
        "var cors = require('cors');",
        "var app = require('express')();",
        'if (module.parent) return;',
        'var mode = 0644;',
        'with (app) {',
        "  use(cors({ origin: 'https://app.example.com/', credentials: true }));",
        '}',
        'app.listen(3000);',
        '',
      ].join('\n'),
    );
    // Valid as a module: never retried.
    fs.writeFileSync(
      path.join(folder, 'module.js'),
      "import cors from 'cors';\nexport const middleware = cors({ origin: 'https://app.example.com/' });\n",
    );
    const run = await cli(['--format', 'json'], folder);
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as JsonReport;
    expect(
      report.files.map((file) => [
        file.file,
        file.notAudited,
        file.findings.map((finding) => `${finding.line}:${finding.column} ${finding.rule}`),
      ]),
    ).toEqual([
      ['legacy-server.js', undefined, ['6:22 cors/valid-allow-origin']],
      ['module.js', undefined, ['2:42 cors/valid-allow-origin']],
    ]);
    // --fix writes the retried file's fix too.
    expect((await cli(['--fix'], folder)).code).toBe(0);
    expect(fs.readFileSync(path.join(folder, 'legacy-server.js'), 'utf8')).toContain(
      "use(cors({ origin: 'https://app.example.com', credentials: true }));",
    );
  });

  it('lints in worker threads with --concurrency and finds the same', async () => {
    const demo = path.join(REPO, 'test-fixtures', 'demo');
    const [threads, single] = await Promise.all([
      cli(['--format', 'json', '--concurrency', '2'], demo),
      cli(['--format', 'json', '--concurrency', 'off'], demo),
    ]);
    expect(threads.code).toBe(1);
    expect(threads.stdout).toBe(single.stdout);
  });

  it('checks client requests against the project servers with --project, the same in worker threads', async () => {
    const project = path.join(REPO, 'test-fixtures', 'project-express-vite');
    const [threads, single, without] = await Promise.all([
      cli(['--format', 'json', '--project', '.', '--concurrency', '2'], project),
      cli(['--format', 'json', '--project', '.', '--concurrency', 'off'], project),
      cli(['--format', 'json', '--concurrency', 'off'], project),
    ]);
    expect(threads.code).toBe(1);
    // Workers read the snapshot the main thread built: they find what one thread finds.
    expect(threads.stdout).toBe(single.stdout);
    const client = (JSON.parse(single.stdout) as JsonReport).files.find(
      (file) => file.file === 'apps/web/src/orders.js',
    );
    expect(
      client?.findings.map((finding) => `${finding.line}:${finding.column} ${finding.rule}`),
    ).toEqual([
      '5:55 cors/client-credentials-need-server-credentials',
      '6:45 cors/require-exposed-headers',
      '13:52 cors/require-allowed-request-headers',
      '19:53 cors/require-allowed-method',
      '23:52 cors/require-allowed-method',
    ]);
    // Without --project the cross-file rules are silent: only the server's own findings remain.
    const files = (JSON.parse(without.stdout) as JsonReport).files;
    expect(
      files.flatMap((file) => file.findings.map((finding) => `${file.file} ${finding.rule}`)),
    ).toEqual([
      'apps/api/server.js cors/require-exposed-headers',
      'apps/api/server.js cors/require-preflight-handler',
      'apps/api/server.js cors/require-preflight-handler',
    ]);
  });

  it('rejects bad paths and options with exit code 2 and a one-line reason', async () => {
    const demo = path.join(REPO, 'test-fixtures', 'demo');
    const cases: [string[], RegExp][] = [
      [['no-such-folder'], /^cors-lint: no such file or folder: no-such-folder\n/],
      [['--format', 'xml'], /^cors-lint: --format must be one of pretty, json, sarif; got 'xml'\n/],
      [
        ['--config', 'loose'],
        /^cors-lint: --config must be one of recommended, strict, all; got 'loose'\n/,
      ],
      [
        ['--concurrency', '0'],
        /^cors-lint: --concurrency must be auto, off or a positive whole number; got '0'\n/,
      ],
      [['--colour'], /^cors-lint: Unknown option '--colour'/],
    ];
    for (const [args, message] of cases) {
      const run = await cli(args, demo);
      expect({ code: run.code, stdout: run.stdout }, args.join(' ')).toEqual({
        code: 2,
        stdout: '',
      });
      expect(run.stderr, args.join(' ')).toMatch(message);
    }
    const empty = await cli(['.'], emptyFolder());
    expect(empty.code).toBe(2);
    expect(empty.stderr).toMatch(
      /^cors-lint: no JavaScript, TypeScript, nginx or Django settings files to audit in \./,
    );
  });

  it('prints usage and version', async () => {
    const help = await cli(['--help'], REPO);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage:\n {2}cors-lint \[paths…\]/);
    const version = await cli(['--version'], REPO);
    expect(version.stdout).toMatch(/^cors-lint \d+\.\d+\.\d+\n$/);
  });
});

describe('cors-lint on nginx configs', () => {
  it("audits nginx files by their names with zero config, and leaves other programs' .conf files alone", async () => {
    const folder = emptyFolder();
    fs.mkdirSync(path.join(folder, 'sites-available'));
    fs.mkdirSync(path.join(folder, 'conf.d'));
    fs.mkdirSync(path.join(folder, 'sites-src'));
    // The snippet: the 204 preflight carries only Max-Age (nginx 1.22.1, design note §C2).
    fs.writeFileSync(
      path.join(folder, 'sites-available', 'default'),
      "server {\n    location /api/ {\n        add_header 'Access-Control-Allow-Origin' 'https://myapp.com' always;\n        if ($request_method = 'OPTIONS') {\n            add_header 'Access-Control-Max-Age' 86400;\n            return 204;\n        }\n    }\n}\n",
    );
    fs.writeFileSync(
      path.join(folder, 'conf.d', 'supervisor.conf'),
      '[program:app]\ncommand=/usr/bin/app --port 3000\n',
    );
    // Code in a folder named sites-… stays JavaScript.
    fs.writeFileSync(path.join(folder, 'sites-src', 'list.js'), 'export const sites = [];\n');
    const run = await cli(['--format', 'json'], folder);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as JsonReport;
    expect(report.summary).toEqual({
      filesLinted: 3,
      filesWithFindings: 1,
      findings: 1,
      filesNotAudited: 0,
      filesSkipped: 0,
    });
    expect(report.files.map((file) => file.file)).toEqual(['sites-available/default']);
    expect(report.files[0]?.findings).toEqual([
      expect.objectContaining({
        rule: 'cors/nginx-no-dropped-cors-headers',
        severity: 'error',
        line: 5,
        column: 13,
        fixable: false,
      }),
    ]);
  });

  it('fixes `always` in place with --fix', async () => {
    const folder = emptyFolder();
    fs.writeFileSync(
      path.join(folder, 'nginx.conf'),
      'http {\n    server {\n        location /api/ {\n            add_header Access-Control-Allow-Origin https://app.example.com;\n            proxy_pass http://127.0.0.1:3000;\n        }\n    }\n}\n',
    );
    const run = await cli(['--fix'], folder);
    expect(run.code).toBe(0);
    expect(fs.readFileSync(path.join(folder, 'nginx.conf'), 'utf8')).toContain(
      'add_header Access-Control-Allow-Origin https://app.example.com always;',
    );
  });
});
