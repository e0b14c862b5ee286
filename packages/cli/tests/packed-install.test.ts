import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { emptyFolder, REPO } from './helpers.js';

/**
 * Until the packages are on the registry, a user installs the tarballs `pnpm pack:all` writes. This
 * packs them as that script does, installs them with npm into an empty project (npm fetches the
 * third-party dependencies from the registry) and runs the installed `cors-lint` and plugin.
 */
describe('the packed tarballs', () => {
  it('install with npm into a fresh project and run: the CLI audits, the plugin lints', () => {
    const packed = spawnSync(process.execPath, [path.join(REPO, 'scripts', 'pack.mjs')], {
      cwd: REPO,
      encoding: 'utf8',
    });
    expect(packed.status, packed.stderr).toBe(0);
    const tarball = (name: string) => path.join(REPO, 'packages-dist', `${name}-0.1.0.tgz`);
    for (const name of [
      'cors-lint-core',
      'eslint-plugin-cors',
      'cors-lint',
      'cors-language-server',
    ])
      expect(fs.existsSync(tarball(name)), name).toBe(true);

    const project = emptyFolder();
    fs.writeFileSync(
      path.join(project, 'package.json'),
      '{ "name": "user-project", "private": true, "type": "module" }\n',
    );
    const install = spawnSync(
      'npm',
      [
        'install',
        '--no-audit',
        '--no-fund',
        '--save-dev',
        tarball('cors-lint-core'),
        tarball('eslint-plugin-cors'),
        tarball('cors-lint'),
      ],
      { cwd: project, encoding: 'utf8', timeout: 600_000 },
    );
    expect(install.status, install.stderr).toBe(0);

    fs.writeFileSync(
      path.join(project, 'server.js'),
      "import cors from 'cors';\nexport default cors({ origin: 'https://app.example.com/' });\n",
    );
    const audit = spawnSync('npx', ['--no-install', 'cors-lint', '--format', 'json'], {
      cwd: project,
      encoding: 'utf8',
    });
    expect(audit.status, audit.stderr).toBe(1);
    expect(
      (
        JSON.parse(audit.stdout) as {
          files: { findings: { rule: string; line: number; column: number }[] }[];
        }
      ).files[0]?.findings[0],
    ).toMatchObject({ rule: 'cors/valid-allow-origin', line: 2, column: 31 });

    // The plugin as a user's eslint.config.js loads it.
    fs.writeFileSync(
      path.join(project, 'eslint.config.js'),
      "import cors from 'eslint-plugin-cors';\nexport default [...cors.configs.recommended];\n",
    );
    const eslint = spawnSync(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        "const { ESLint } = await import('eslint'); const [r] = await new ESLint().lintFiles(['server.js']); console.log(r.messages.map((m) => m.ruleId).join(','));",
      ],
      { cwd: project, encoding: 'utf8' },
    );
    expect(eslint.stdout.trim(), eslint.stderr).toBe('cors/valid-allow-origin');
  }, 900_000);
});
