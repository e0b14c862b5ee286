/**
 * Runs code-server (real VS Code 1.100 with a Node extension host) on loopback with a fresh profile,
 * and stops it by its process group (killing the parent alone leaves a file watcher behind).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

export interface CodeServer {
  url: string;
  pid: number;
  userDataDir: string;
  /** Everything code-server printed, for failure messages. */
  log: () => string;
  stop: () => Promise<void>;
}

export interface Profile {
  userDataDir: string;
  extensionsDir: string;
}

/** User settings for a quiet, offline, reproducible workbench. */
const USER_SETTINGS = {
  // Otherwise the built-in TypeScript extension runs `npm install` in the background.
  'typescript.disableAutomaticTypeAcquisition': true,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'workbench.startupEditor': 'none',
  'workbench.enableExperiments': false,
  'workbench.tips.enabled': false,
  'workbench.colorTheme': 'Default Dark Modern',
  'editor.minimap.enabled': false,
  'git.enabled': false,
  'chat.commandCenter.enabled': false,
  'window.restoreWindows': 'none',
  // The client's log of every LSP message, in the profile's logs folder (a test artefact).
  'cors.trace.server': 'verbose',
};

export function createProfile(root: string): Profile {
  fs.rmSync(root, { recursive: true, force: true });
  const userDataDir = path.join(root, 'user-data');
  const extensionsDir = path.join(root, 'extensions');
  fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  fs.mkdirSync(extensionsDir, { recursive: true });
  // `--install-extension` fails on an extensions folder without this file.
  fs.writeFileSync(path.join(extensionsDir, 'extensions.json'), '[]');
  fs.writeFileSync(
    path.join(userDataDir, 'User', 'settings.json'),
    `${JSON.stringify(USER_SETTINGS, null, 2)}\n`,
  );
  return { userDataDir, extensionsDir };
}

export function installExtension(bin: string, profile: Profile, vsix: string): void {
  const result = spawnSync(
    bin,
    [
      '--user-data-dir',
      profile.userDataDir,
      '--extensions-dir',
      profile.extensionsDir,
      '--install-extension',
      vsix,
    ],
    {
      encoding: 'utf8',
      timeout: 120_000,
    },
  );
  if (result.status !== 0)
    throw new Error(
      `code-server --install-extension failed (${result.status}):\n${result.stdout}\n${result.stderr}`,
    );
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export async function startCodeServer(
  bin: string,
  profile: Profile,
  workspace: string,
  configDir: string,
): Promise<CodeServer> {
  const port = await freePort();
  const config = path.join(configDir, 'code-server.yaml');
  fs.writeFileSync(config, `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);
  const args = [
    '--config',
    config,
    '--user-data-dir',
    profile.userDataDir,
    '--extensions-dir',
    profile.extensionsDir,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--ignore-last-opened',
    ...(process.env.CORS_E2E_TRACE ? ['--log', 'trace'] : []),
    workspace,
  ];
  // detached: a new process group (setsid), so stop() can end code-server and all its children.
  const child: ChildProcess = spawn(bin, args, {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`code-server did not start listening within 30 s:\n${output}`)),
      30_000,
    );
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('HTTP server listening on')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`code-server exited (${code}) before listening:\n${output}`));
    });
  });
  const pid = child.pid ?? 0;
  return {
    url: `http://127.0.0.1:${port}/`,
    pid,
    userDataDir: profile.userDataDir,
    log: () => output,
    async stop() {
      if (child.exitCode !== null) return;
      try {
        process.kill(-pid, 'SIGTERM');
      } catch {
        return;
      }
      const timeout = new Promise<'timeout'>((resolve) =>
        setTimeout(() => resolve('timeout'), 5_000).unref(),
      );
      if ((await Promise.race([exited, timeout])) === 'timeout') {
        try {
          process.kill(-pid, 'SIGKILL');
        } catch {
          // already gone
        }
      }
    },
  };
}

/** Resident memory (MiB) of the processes in a process group whose command line matches. */
export function groupMemory(
  pgid: number,
  match: (args: string) => boolean,
): { pid: number; rssMiB: number; args: string }[] {
  const result = spawnSync('ps', ['-e', '-o', 'pid=,pgid=,rss=,args='], { encoding: 'utf8' });
  return result.stdout
    .split('\n')
    .map((line) => /^\s*(\d+)\s+(\d+)\s+(\d+)\s+(.*)$/.exec(line))
    .filter((m): m is RegExpExecArray => m !== null && Number(m[2]) === pgid && match(m[4] ?? ''))
    .map((m) => ({ pid: Number(m[1]), rssMiB: Math.round(Number(m[3]) / 1024), args: m[4] ?? '' }));
}
