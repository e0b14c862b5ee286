import { describe, expect, it } from 'vitest';
import { FramingGuard } from '../../src/transport/framing-guard.js';

const frame = (body: string): Buffer =>
  Buffer.concat([
    Buffer.from(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n`),
    Buffer.from(body),
  ]);

/** What the guard passes on when `input` arrives in chunks of `size` bytes. */
function passed(input: Buffer, size: number): { output: string; reports: string[] } {
  const reports: string[] = [];
  const guard = new FramingGuard((message) => reports.push(message));
  const out: Buffer[] = [];
  guard.on('data', (chunk: Buffer) => out.push(chunk));
  for (let at = 0; at < input.length; at += size) guard.write(input.subarray(at, at + size));
  return { output: Buffer.concat(out).toString('utf8'), reports };
}

describe('FramingGuard', () => {
  const big = JSON.stringify({
    jsonrpc: '2.0',
    method: 'textDocument/didOpen',
    params: { text: 'const a = "é";\n'.repeat(20_000) },
  });
  const small = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'textDocument/hover', params: {} });

  it('passes on a large message read in many small chunks, and the one after it, unchanged', () => {
    const input = Buffer.concat([frame(big), frame(small), frame(small)]);
    for (const size of [7, 1000, 65_536]) {
      const { output, reports } = passed(input, size);
      expect(output).toBe(input.toString('utf8'));
      expect(reports).toEqual([]);
    }
  });

  it('still finds a frame that a lying length swallowed when the input comes in chunks', () => {
    const lying = Buffer.concat([
      Buffer.from(`Content-Length: ${Buffer.byteLength(small) + 500}\r\n\r\n${small}`),
      frame(big),
    ]);
    const { output, reports } = passed(lying, 333);
    expect(output).toBe(Buffer.concat([frame(small), frame(big)]).toString('utf8'));
    expect(reports).toHaveLength(1);
  });
});
