/**
 * The server ends with its editor: when the client process named in `initialize` is gone, even as
 * a zombie its parent has not reaped (which `kill(pid, 0)` still finds), the server exits.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { describe, expect, it } from 'vitest';
import { isProcessAlive } from '../src/transport/client-process.js';
import { fileUri, TestClient, withTimeout } from './helpers/lsp-client.js';

/**
 * A stand-in editor that becomes a zombie when killed: `sh` starts it in the background, prints its
 * pid, then becomes a `sleep` that never reaps it.
 */
async function zombieToBe(): Promise<{ pid: number; stop: () => void }> {
  const parent = spawn('sh', ['-c', 'sleep 600 & echo $!; exec sleep 600'], {
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  const [chunk] = (await once(parent.stdout, 'data')) as [Buffer];
  const pid = Number(chunk.toString('utf8').trim());
  return {
    pid,
    stop: () => {
      parent.kill('SIGKILL');
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
    },
  };
}

describe('client process', () => {
  it('isProcessAlive tells a zombie from a live process', async () => {
    const editor = await zombieToBe();
    try {
      expect(isProcessAlive(editor.pid)).toBe(true);
      process.kill(editor.pid, 'SIGKILL');
      // Waits for the state, not a time: the kernel marks it a zombie at once, but asynchronously.
      for (let attempt = 0; attempt < 200 && isProcessAlive(editor.pid); attempt++)
        await new Promise((resolve) => setTimeout(resolve, 10));
      expect(isProcessAlive(editor.pid)).toBe(false);
    } finally {
      editor.stop();
    }
  });

  it('exits when the processId from initialize dies, even unreaped, and says why on stderr', async () => {
    const editor = await zombieToBe();
    const client = await TestClient.start({ processId: editor.pid });
    try {
      const uri = fileUri('open.js');
      await client.open(
        uri,
        "import cors from 'cors';\napp.use(cors({ origin: 'https://a.example/' }));\n",
      );
      await client.waitForVersion(uri, 1);
      process.kill(editor.pid, 'SIGKILL');
      expect(await withTimeout(client.exit, 20_000)).toBe(1);
      expect(client.stderr).toContain(`the client process ${editor.pid} is gone`);
    } finally {
      editor.stop();
      await client.stop();
    }
  });
});
