/** The command line of the built server: the flags editors pass, and clear failures for the rest. */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PACKAGE_ROOT, SERVER_MAIN } from './helpers/lsp-client.js';

const BIN = `${PACKAGE_ROOT}bin/cors-language-server.js`;
const { version } = JSON.parse(readFileSync(`${PACKAGE_ROOT}package.json`, 'utf8')) as {
  version: string;
};

function run(...args: string[]) {
  return spawnSync(process.execPath, [BIN, ...args], {
    encoding: 'utf8',
    timeout: 15_000,
    input: '',
  });
}

describe('cors-language-server command line', () => {
  it('--version prints the name and version and exits 0', () => {
    const result = run('--version');
    expect(result.status).toBe(0);
    expect(result.stdout.trim()).toBe(`cors-language-server ${version}`);
  });

  it('--help lists the transports and exits 0', () => {
    const result = run('--help');
    expect(result.status).toBe(0);
    for (const flag of ['--stdio', '--node-ipc', '--socket=PORT'])
      expect(result.stdout).toContain(flag);
  });

  it.each([
    [['--stdoi'], /unknown option '--stdoi'/],
    [['--stdio', '--verbose'], /unknown option '--verbose'/],
    [[], /no transport given/],
    [['--socket=abc'], /--socket needs a number/],
    [['--stdio', '--node-ipc'], /choose one transport/],
  ])('%j fails with a message and exit code 2', (args, message) => {
    const result = run(...args);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).toContain('Usage: cors-language-server');
  });

  it('accepts the flags vscode-languageclient passes, and exits when stdin closes', () => {
    // stdin is empty and closed at once: the connection ends, the process exits (1: no shutdown request came).
    const result = spawnSync(process.execPath, [SERVER_MAIN, '--stdio', '--clientProcessId=1'], {
      encoding: 'utf8',
      timeout: 15_000,
      input: '',
    });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(1);
  });
});
