/**
 * A real nginx (Debian's nginx-light) as a normal process on loopback, for checks against the
 * server users actually run in front of their apps. The caller writes only the `server` block's body.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export const NGINX_PATH = '/usr/sbin/nginx';

export interface Nginx {
  readonly port: number;
  stop(): Promise<void>;
}

/** A port free on `address` right now (nginx binds it a moment later). */
export function freePort(address: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, address, () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

function accepts(address: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, address);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

export async function startNginx(address: string, serverBody: string): Promise<Nginx> {
  const port = await freePort(address);
  return runNginx(
    address,
    port,
    `server {
    listen ${address}:${port};
${serverBody}
  }`,
  );
}

/**
 * A real nginx whose `http` block holds `httpBody` as written (its servers name their own `listen`
 * addresses); `address:port` is the one it is ready on.
 */
export async function runNginx(address: string, port: number, httpBody: string): Promise<Nginx> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cors-nginx-'));
  const temp = (name: string) => `${name}_temp_path ${path.join(dir, name)};`;
  const config = `daemon off;
worker_processes 1;
pid ${path.join(dir, 'nginx.pid')};
error_log ${path.join(dir, 'error.log')};
events { worker_connections 64; }
http {
  access_log off;
  ${temp('client_body')} ${temp('proxy')} ${temp('fastcgi')} ${temp('uwsgi')} ${temp('scgi')}
  default_type application/json;
${httpBody}
}
`;
  const configFile = path.join(dir, 'nginx.conf');
  fs.writeFileSync(configFile, config);
  const child: ChildProcess = spawn(NGINX_PATH, ['-c', configFile, '-p', `${dir}/`], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  for (let i = 0; i < 100 && !(await accepts(address, port)); i++) {
    if (child.exitCode !== null)
      throw new Error(
        `nginx exited (${child.exitCode}): ${stderr}${fs.existsSync(path.join(dir, 'error.log')) ? fs.readFileSync(path.join(dir, 'error.log'), 'utf8') : ''}`,
      );
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    port,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => {
          fs.rmSync(dir, { recursive: true, force: true });
          resolve();
        });
        child.kill('SIGTERM');
      }),
  };
}
