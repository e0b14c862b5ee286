/**
 * The lint queue with the built worker (`dist/engine/lint-worker.js`, so build first): which job
 * runs, which is superseded or stopped, and when the worker is replaced. Tests wait for outcomes,
 * never for times.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LintQueue, type LintRequest, type Outcome } from '../../src/engine/lint-queue.js';
import { DEFAULT_SETTINGS } from '../../src/protocol/settings.js';

const WORKER = new URL('../../dist/engine/lint-worker.js', import.meta.url);
const FINDING = `import cors from 'cors';\napp.use(cors({ origin: 'https://shop.example.com/' }));\n`;
const FIXABLE = `import cors from 'cors';\napp.use(cors({ methods: 'GET POST' }));\n`;
const BUDGET = 60_000;
/** How long `vi.waitFor` waits for a state (the machine may be busy); it checks every 20 ms. */
const STATE_WAIT = { timeout: 60_000, interval: 20 };

/** Seconds of linting: a few thousand Express set-ups without findings. */
function slowText(blocks = 3000): string {
  const block = (i: number) =>
    `export function setup${i}(app, cors) {\n  app.use('/v${i}', cors({ origin: ['https://shop.example.com'], credentials: true }));\n  app.get('/v${i}/items', (req, res) => res.json({ page: Number(req.query.page ?? 1) }));\n}\n`;
  return `import cors from 'cors';\n${Array.from({ length: blocks }, (_, i) => block(i)).join('')}`;
}

const request = (text: string, name = 'server.js'): LintRequest => ({
  text,
  fileName: `/virtual/${name}`,
  settings: DEFAULT_SETTINGS,
});
const kinds = (outcomes: Outcome<unknown>[]) => outcomes.map((outcome) => outcome.kind);
/** Resolves once the timers already set for 0 ms have run (Node runs timers of one duration in order): an ordering, not a wait. */
const timersSetEarlier = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

describe('LintQueue', () => {
  let queue: LintQueue | undefined;
  afterEach(() => {
    queue?.dispose();
    queue = undefined;
  });
  if (!existsSync(fileURLToPath(WORKER))) throw new Error('build first: npx tsc -b');

  it('lints in the worker and returns ESLint messages', async () => {
    queue = new LintQueue({ workerUrl: WORKER });
    const outcome = await queue.lint('a', request(FINDING), BUDGET);
    expect(outcome.kind).toBe('done');
    expect(
      outcome.kind === 'done' && outcome.value.messages.map((message) => message.ruleId),
    ).toEqual(['cors/valid-allow-origin']);
  });

  it('a newer version supersedes the waiting one, in its place in the queue', async () => {
    queue = new LintQueue({ workerUrl: WORKER });
    const order: string[] = [];
    const track = <T>(name: string, promise: Promise<Outcome<T>>) =>
      promise.then((outcome) => (order.push(`${name}:${outcome.kind}`), outcome));
    const running = track('a1', queue.lint('a', request(FINDING), BUDGET));
    const b1 = track('b1', queue.lint('b', request(FINDING), BUDGET));
    const c1 = track('c1', queue.lint('c', request(FINDING), BUDGET));
    const b2 = track('b2', queue.lint('b', request(FINDING), BUDGET));
    expect(kinds(await Promise.all([running, b1, c1, b2]))).toEqual([
      'done',
      'superseded',
      'done',
      'done',
    ]);
    expect(order).toEqual(['b1:superseded', 'a1:done', 'b2:done', 'c1:done']);
  });

  it('builds a lint given as a function only when the worker takes it: never for a superseded one, skipped when it answers nothing', async () => {
    queue = new LintQueue({ workerUrl: WORKER });
    const built: string[] = [];
    const lazy = (name: string, value: LintRequest | undefined) => () => (built.push(name), value);
    const running = queue.lint('a', lazy('a1', request(FINDING)), BUDGET);
    const b1 = queue.lint('b', lazy('b1', request(FINDING)), BUDGET);
    const b2 = queue.lint('b', lazy('b2', request(FINDING)), BUDGET);
    const c1 = queue.lint('c', lazy('c1', undefined), BUDGET);
    expect(kinds(await Promise.all([running, b1, b2, c1]))).toEqual([
      'done',
      'superseded',
      'done',
      'skipped',
    ]);
    expect(built).toEqual(['a1', 'b2', 'c1']);
  });

  it('cancels a running lint for a newer version by replacing the worker', async () => {
    queue = new LintQueue({ workerUrl: WORKER, cancelAfterMs: 0 });
    const old = queue.lint('a', request(slowText()), BUDGET);
    const newer = queue.lint('a', request(FINDING), BUDGET);
    expect((await old).kind).toBe('superseded');
    expect((await newer).kind).toBe('done');
    expect(queue.workersStarted).toBe(2);
  });

  it('leaves a running lint to finish when it has not run for cancelAfterMs', async () => {
    queue = new LintQueue({ workerUrl: WORKER, cancelAfterMs: 3_600_000 });
    const old = queue.lint('a', request(FINDING), BUDGET);
    const newer = queue.lint('a', request(FINDING), BUDGET);
    expect(kinds(await Promise.all([old, newer]))).toEqual(['done', 'done']);
    expect(queue.workersStarted).toBe(1);
  });

  it('closing a document drops its waiting jobs', async () => {
    queue = new LintQueue({ workerUrl: WORKER, cancelAfterMs: 0 });
    const a = queue.lint('a', request(slowText(200)), BUDGET);
    const b = queue.lint('b', request(FINDING), BUDGET);
    queue.cancel('b');
    queue.cancel('a');
    expect(kinds(await Promise.all([a, b]))).toEqual(['superseded', 'superseded']);
    expect((await queue.lint('c', request(FINDING), BUDGET)).kind).toBe('done');
  });

  it('stops a job over its time budget; the next job gets a fresh worker', async () => {
    queue = new LintQueue({ workerUrl: WORKER });
    const slow = await queue.lint('a', request(slowText()), 200);
    expect(slow).toEqual({ kind: 'over-budget', budgetMs: 200 });
    expect((await queue.lint('b', request(FINDING), BUDGET)).kind).toBe('done');
    expect(queue.workersStarted).toBe(2);
  });

  it('runs fix-all ahead of waiting lints', async () => {
    queue = new LintQueue({ workerUrl: WORKER });
    const order: string[] = [];
    const a = queue.lint('a', request(FINDING), BUDGET).then(() => order.push('lint a'));
    const b = queue.lint('b', request(FINDING), BUDGET).then(() => order.push('lint b'));
    const fix = queue.fixAll('c', request(FIXABLE), BUDGET).then((outcome) => {
      order.push('fix c');
      return outcome;
    });
    const [, , fixed] = await Promise.all([a, b, fix]);
    expect(order).toEqual(['lint a', 'fix c', 'lint b']);
    expect(fixed.kind === 'done' && fixed.value).toContain("methods: 'GET, POST'");
  });

  it('replaces an idle worker whose heap grew past recycleHeapBytes, once the queue was quiet', async () => {
    queue = new LintQueue({
      workerUrl: WORKER,
      recycleHeapBytes: 1,
      trimHeapBytes: 1,
      trimQuietMs: 0,
    });
    expect((await queue.lint('a', request(FINDING), BUDGET)).kind).toBe('done');
    await vi.waitFor(() => expect(queue?.workersTrimmed).toBe(1), STATE_WAIT);
    expect((await queue.lint('a', request(FINDING), BUDGET)).kind).toBe('done');
    expect(queue.workersStarted).toBe(2);
  });

  it("compacts an idle worker's large heap before it replaces the worker, and keeps a worker whose heap is small", async () => {
    // Over the limit even after the trim: trimmed once, then replaced.
    queue = new LintQueue({
      workerUrl: WORKER,
      recycleHeapBytes: 1,
      trimHeapBytes: 1,
      trimQuietMs: 0,
    });
    expect((await queue.lint('a', request(FINDING), BUDGET)).kind).toBe('done');
    await vi.waitFor(() => expect(queue?.workersTrimmed).toBe(1), STATE_WAIT);
    expect((await queue.lint('a', request(FINDING), BUDGET)).kind).toBe('done');
    // A trim after each job once quiet (the second worker's too); the first worker was replaced after its trim.
    await vi.waitFor(() => expect(queue?.workersTrimmed).toBe(2), STATE_WAIT);
    expect(queue.workersStarted).toBe(2);
    queue.dispose();
    // Under the limit: neither trimmed nor replaced.
    queue = new LintQueue({
      workerUrl: WORKER,
      recycleHeapBytes: 4096 * 1024 * 1024,
      trimHeapBytes: 4096 * 1024 * 1024,
      trimQuietMs: 0,
    });
    expect((await queue.lint('a', request(FINDING), BUDGET)).kind).toBe('done');
    expect((await queue.lint('a', request(FINDING), BUDGET)).kind).toBe('done');
    expect([queue.workersTrimmed, queue.workersStarted]).toEqual([0, 1]);
  });

  it("leaves an idle worker's heap of garbage under trimHeapBytes alone while its documents stay open, and compacts it once one closes", async () => {
    // Issue 15, item 19: the lints of one 10,000-line file crossed the old single limit (256 MB), so
    // the next edit after each quiet second ran on a compacted, cold heap.
    queue = new LintQueue({
      workerUrl: WORKER,
      recycleHeapBytes: 1,
      trimHeapBytes: 4096 * 1024 * 1024,
      trimQuietMs: 0,
    });
    for (let i = 0; i < 3; i++)
      expect((await queue.lint('a', request(FINDING), BUDGET)).kind).toBe('done');
    expect((await queue.lint('b', request(FINDING, 'other.js'), BUDGET)).kind).toBe('done');
    // Idle now: a trim, had one been due, was set for `trimQuietMs` (0) before this timer, so runs first.
    await timersSetEarlier();
    expect([queue.workersTrimmed, queue.workersStarted]).toEqual([0, 1]);
    // Closing a document: over recycleHeapBytes, so compacted once idle, then replaced (still over it).
    queue.cancel('b');
    await vi.waitFor(() => expect(queue?.workersTrimmed).toBe(1), STATE_WAIT);
    expect((await queue.lint('a', request(FINDING), BUDGET)).kind).toBe('done');
    expect(queue.workersStarted).toBe(2);
    // The close was taken care of by that trim: the new worker is left alone again.
    expect((await queue.lint('a', request(FINDING), BUDGET)).kind).toBe('done');
    await timersSetEarlier();
    expect([queue.workersTrimmed, queue.workersStarted]).toEqual([1, 2]);
  });

  it('never makes a lint wait for a trim: the next edit within the quiet time runs on the same heap', async () => {
    // Issue 15, item 19: the compaction ran the moment the queue emptied, so the next keystroke's lint
    // waited for it and then ran on a cold heap (or a new worker).
    queue = new LintQueue({
      workerUrl: WORKER,
      recycleHeapBytes: 1,
      trimHeapBytes: 1,
      trimQuietMs: 60_000,
    });
    for (let i = 0; i < 3; i++)
      expect((await queue.lint('a', request(FINDING), BUDGET)).kind).toBe('done');
    expect([queue.workersTrimmed, queue.workersStarted]).toEqual([0, 1]);
  });
});
