/**
 * A scenario whose server is a Django settings module: real Django + django-cors-headers (Debian's
 * `python3-django`, `python3-django-cors-headers`) serve it under wsgiref on loopback, and the API
 * server forwards every request to it unchanged, so the runner records what Django really sent.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { API_ADDRESS } from './hosts.js';
import type { RequestHandler } from './servers.js';

/** Debian's interpreter, the one its Django packages are installed for. */
export const DEBIAN_PYTHON = '/usr/bin/python3';
const SERVE = fileURLToPath(new URL('../django/serve_settings.py', import.meta.url));

interface DjangoServer {
  readonly process: ChildProcess;
  readonly port: Promise<number>;
}

const running = new Map<string, DjangoServer>();

export const isDjangoScenario = (dir: string): boolean =>
  fs.existsSync(path.join(dir, 'settings.py'));

function start(dir: string): DjangoServer {
  const child = spawn(DEBIAN_PYTHON, [SERVE, dir, API_ADDRESS], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1' },
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  // Waits on the state the server prints once it listens, never on a delay.
  const port = new Promise<number>((resolve, reject) => {
    let stdout = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const ready = /ready (\d+)/.exec(stdout);
      if (ready) resolve(Number(ready[1]));
    });
    child.once('error', reject);
    child.once('exit', (code) =>
      reject(new Error(`Django for ${dir} exited (${code}) before it listened:\n${stderr}`)),
    );
  });
  return { process: child, port };
}

/** A request handler that forwards to Django serving `dir/settings.py` (started on first use). */
export function djangoApp(dir: string): RequestHandler {
  let server = running.get(dir);
  if (!server) {
    server = start(dir);
    running.set(dir, server);
  }
  const { port } = server;
  return (req, res) => {
    port.then(
      (djangoPort) => {
        const upstream = http.request(
          {
            host: API_ADDRESS,
            port: djangoPort,
            method: req.method,
            path: req.url,
            headers: req.headers,
          },
          (answer) => {
            res.writeHead(answer.statusCode ?? 502, answer.rawHeaders);
            answer.pipe(res);
          },
        );
        upstream.on('error', (error) => {
          res.writeHead(502, { 'content-type': 'text/plain' });
          res.end(`Django did not answer: ${error.message}`);
        });
        req.pipe(upstream);
      },
      (error: Error) => {
        res.writeHead(502, { 'content-type': 'text/plain' });
        res.end(error.message);
      },
    );
  };
}

/** Stops every Django server this process started. */
export async function stopDjangoServers(): Promise<void> {
  const servers = [...running.values()];
  running.clear();
  await Promise.all(
    servers.map(
      ({ process: child }) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          child.once('exit', () => resolve());
          child.kill('SIGTERM');
        }),
    ),
  );
}
