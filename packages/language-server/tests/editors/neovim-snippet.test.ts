/**
 * The README's Neovim 0.7 set-up, run as it is in Debian's Neovim 0.7 (installed by the test
 * command): the Lua block after the `neovim-0.7-snippet` marker becomes init.lua, and a
 * `cors-language-server` on the PATH starts the built server, as an installed package would.
 * It must attach JavaScript, TypeScript, nginx configs and Django settings modules.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const here = path.dirname(fileURLToPath(import.meta.url));
const SERVER = path.resolve(here, '../../dist/main.js');
const README = path.resolve(here, '../../README.md');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'cors-nvim-snippet-'));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

/** The Lua block that follows the marker comment. */
function snippet(): string {
  const text = fs.readFileSync(README, 'utf8');
  const match = /<!-- neovim-0\.7-snippet[^>]*-->\n```lua\n([\s\S]*?)```/.exec(text);
  if (!match?.[1])
    throw new Error('README.md has no Lua block after the neovim-0.7-snippet marker');
  return match[1];
}

const FINDING =
  "const cors = require('cors');\nmodule.exports = cors({ origin: 'https://app.example.com/' });\n";
/** One finding each: an add_header without `always`; allow-all with credentials. */
const NGINX_FINDING =
  'server {\n    location /api/ {\n        add_header Access-Control-Allow-Origin https://app.example.com;\n    }\n}\n';
const DJANGO_FINDING = 'CORS_ALLOW_ALL_ORIGINS = True\nCORS_ALLOW_CREDENTIALS = True\n';

interface Report {
  files: { file: string; filetype: string; clients: number[]; diagnostics: number }[];
  running: number;
}

describe("the README's Neovim 0.7 set-up", () => {
  it(
    'starts one server per project root and attaches .mts files, nginx configs and settings modules',
    { timeout: 120_000 },
    async () => {
      // Two projects: a.js, sub/b.mts and the deployment's nginx and Django files share a root (its .git), c.ts is in another.
      const one = path.join(work, 'one');
      const two = path.join(work, 'two');
      for (const folder of [
        path.join(one, '.git'),
        path.join(one, 'sub'),
        path.join(one, 'deploy', 'conf.d'),
        path.join(one, 'backoffice'),
        path.join(two, '.git'),
      ])
        fs.mkdirSync(folder, { recursive: true });
      const files = [
        path.join(one, 'a.js'),
        path.join(one, 'sub', 'b.mts'),
        path.join(two, 'c.ts'),
      ];
      for (const file of files) fs.writeFileSync(file, FINDING);
      const serverFiles = [
        path.join(one, 'deploy', 'nginx.conf'),
        path.join(one, 'deploy', 'conf.d', 'api.conf'),
        path.join(one, 'backoffice', 'settings.py'),
      ];
      fs.writeFileSync(serverFiles[0]!, NGINX_FINDING);
      fs.writeFileSync(serverFiles[1]!, NGINX_FINDING);
      fs.writeFileSync(serverFiles[2]!, DJANGO_FINDING);
      files.push(...serverFiles);
      const config = path.join(work, 'init.lua');
      fs.writeFileSync(config, snippet());
      // What `npm install --global` puts on the PATH.
      const bin = path.join(work, 'bin');
      fs.mkdirSync(bin);
      fs.writeFileSync(
        path.join(bin, 'cors-language-server'),
        `#!/bin/sh\nexec ${JSON.stringify(process.execPath)} ${JSON.stringify(SERVER)} "$@"\n`,
        { mode: 0o755 },
      );
      const out = path.join(work, 'report.json');

      const report = await new Promise<Report>((resolve, reject) => {
        const child = spawn(
          'nvim',
          [
            '--headless',
            '-u',
            config,
            '-i',
            'NONE',
            '-n',
            '-c',
            `luafile ${path.join(here, 'neovim-snippet-probe.lua')}`,
          ],
          {
            env: {
              ...process.env,
              PATH: `${bin}:${process.env['PATH'] ?? ''}`,
              HOME: work,
              CORS_FILES: files.join('\n'),
              CORS_OUT: out,
            },
            stdio: ['ignore', 'pipe', 'pipe'],
            detached: true,
          },
        );
        let output = '';
        child.stdout.on('data', (chunk) => (output += chunk));
        child.stderr.on('data', (chunk) => (output += chunk));
        const timer = setTimeout(() => {
          process.kill(-child.pid!, 'SIGKILL');
          reject(new Error(`Neovim did not finish in time:\n${output}`));
        }, 110_000);
        child.on('exit', () => {
          clearTimeout(timer);
          if (!fs.existsSync(out)) return reject(new Error(`Neovim wrote no report:\n${output}`));
          resolve(JSON.parse(fs.readFileSync(out, 'utf8')) as Report);
        });
      });

      const [a, b, c, ...server] = report.files;
      expect(
        report.files.map((file) => [
          path.relative(work, file.file),
          file.filetype,
          file.diagnostics,
        ]),
      ).toEqual([
        ['one/a.js', 'javascript', 1],
        ['one/sub/b.mts', 'typescript', 1],
        ['two/c.ts', 'typescript', 1],
        ['one/deploy/nginx.conf', 'nginx', 1],
        ['one/deploy/conf.d/api.conf', 'nginx', 1],
        ['one/backoffice/settings.py', 'python', 1],
      ]);
      expect(a?.clients).toHaveLength(1);
      // One server for the project of a.js, b.mts and the nginx and Django files, another for c.ts's.
      expect(b?.clients).toEqual(a?.clients);
      for (const file of server) expect(file.clients, file.file).toEqual(a?.clients);
      expect(c?.clients).toHaveLength(1);
      expect(c?.clients).not.toEqual(a?.clients);
      expect(report.running).toBe(2);
    },
  );
});
