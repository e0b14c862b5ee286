import path from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { main } from '../dist/main.js';
import { REPO } from './helpers.js';

function stream(isTTY: boolean): PassThrough & { isTTY: boolean; text: () => string } {
  const chunks: string[] = [];
  const out = Object.assign(new PassThrough(), { isTTY, text: () => chunks.join('') });
  out.on('data', (chunk: Buffer) => chunks.push(chunk.toString('utf8')));
  return out;
}

describe('progress on stderr', () => {
  const cwd = path.join(REPO, 'test-fixtures', 'demo');

  it('shows a progress line and the count when stderr is a terminal', async () => {
    const [stdout, stderr] = [stream(false), stream(true)];
    expect(await main(['--format', 'json'], { stdout, stderr, cwd })).toBe(1);
    expect(stderr.text()).toMatch(/\rcors-lint: 13 file\(s\) linted in \d+\.\d s\n$/);
    expect(JSON.parse(stdout.text())).toMatchObject({ summary: { findings: 15 } });
  });

  it('keeps stderr silent otherwise, so redirected output stays clean', async () => {
    const [stdout, stderr] = [stream(false), stream(false)];
    expect(await main(['--format', 'json'], { stdout, stderr, cwd })).toBe(1);
    expect(stderr.text()).toBe('');
  });
});
