import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HeapTrimmer, compactingFullGc } from '../src/heap-trim.js';

const MB = 1024 * 1024;

describe('HeapTrimmer', () => {
  let heap: number;
  let collect: ReturnType<typeof vi.fn<() => void>>;

  beforeEach(() => {
    vi.useFakeTimers();
    heap = 60 * MB;
    collect = vi.fn<() => void>(() => {
      heap = 70 * MB;
    });
  });
  afterEach(() => vi.useRealTimers());

  // In use: what the heap holds; these first tests put it over the threshold, to test the growth rule alone.
  const trimmer = () =>
    new HeapTrimmer({
      quietMs: 1000,
      growthBytes: 32 * MB,
      heapSize: () => heap,
      thresholdBytes: 0,
      heapUsed: () => heap,
      collect,
    });

  it('collects once after a burst that grew the heap, when the server has been quiet', () => {
    const heapTrimmer = trimmer();
    heapTrimmer.workDone();
    for (let i = 0; i < 100; i++) {
      heap += 3 * MB;
      vi.advanceTimersByTime(10);
      heapTrimmer.workDone();
    }
    vi.advanceTimersByTime(999);
    expect(collect).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(collect).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(60_000);
    expect(collect).toHaveBeenCalledTimes(1);
  });

  it('leaves a heap that grew less than the threshold to V8', () => {
    const heapTrimmer = trimmer();
    heapTrimmer.workDone();
    heap += 31 * MB;
    heapTrimmer.workDone();
    vi.advanceTimersByTime(5000);
    expect(collect).not.toHaveBeenCalled();
  });

  it('measures growth from the heap after the last trim', () => {
    const heapTrimmer = trimmer();
    heapTrimmer.workDone();
    heap += 40 * MB;
    heapTrimmer.workDone();
    vi.advanceTimersByTime(1000);
    expect(collect).toHaveBeenCalledTimes(1);
    // The trim left 70 MB: 20 MB more is not enough, 40 MB more is.
    heap = 90 * MB;
    heapTrimmer.workDone();
    vi.advanceTimersByTime(1000);
    expect(collect).toHaveBeenCalledTimes(1);
    heap = 110 * MB;
    heapTrimmer.workDone();
    vi.advanceTimersByTime(1000);
    expect(collect).toHaveBeenCalledTimes(2);
  });

  it('leaves a heap in use under the threshold alone, however often work is done and however much it grew', () => {
    let used = 100 * MB;
    const heapTrimmer = new HeapTrimmer({
      quietMs: 1000,
      growthBytes: 32 * MB,
      heapSize: () => heap,
      thresholdBytes: 256 * MB,
      heapUsed: () => used,
      collect,
    });
    heapTrimmer.workDone();
    for (let edit = 0; edit < 20; edit++) {
      heap += 40 * MB;
      used = 100 * MB + edit * 5 * MB;
      heapTrimmer.workDone();
      vi.advanceTimersByTime(1500);
    }
    expect(collect).not.toHaveBeenCalled();
    // Really high now: the next quiet spell trims, once.
    used = 300 * MB;
    heap += 40 * MB;
    heapTrimmer.workDone();
    vi.advanceTimersByTime(999);
    expect(collect).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(collect).toHaveBeenCalledTimes(1);
  });

  it('takes its threshold from CORS_LS_HEAP_TRIM_ABOVE_MB when not given one; off never trims', () => {
    const original = process.env['CORS_LS_HEAP_TRIM_ABOVE_MB'];
    try {
      for (const [value, trims] of [
        ['off', false],
        ['400', false],
        ['200', true],
      ] as const) {
        collect.mockClear();
        process.env['CORS_LS_HEAP_TRIM_ABOVE_MB'] = value;
        const heapTrimmer = new HeapTrimmer({
          quietMs: 1000,
          growthBytes: 32 * MB,
          heapSize: () => heap,
          heapUsed: () => 300 * MB,
          collect,
        });
        heapTrimmer.workDone();
        heap += 100 * MB;
        heapTrimmer.workDone();
        vi.advanceTimersByTime(1000);
        expect(collect.mock.calls.length > 0, value).toBe(trims);
      }
    } finally {
      if (original === undefined) delete process.env['CORS_LS_HEAP_TRIM_ABOVE_MB'];
      else process.env['CORS_LS_HEAP_TRIM_ABOVE_MB'] = original;
    }
  });

  it('does nothing after dispose, or when Node gives no collection', () => {
    const disposed = trimmer();
    disposed.workDone();
    heap += 100 * MB;
    disposed.workDone();
    disposed.dispose();
    vi.advanceTimersByTime(5000);
    expect(collect).not.toHaveBeenCalled();

    const without = new HeapTrimmer({ quietMs: 1000, heapSize: () => heap, collect: undefined });
    without.workDone();
    heap += 100 * MB;
    without.workDone();
    expect(() => vi.advanceTimersByTime(5000)).not.toThrow();
  });

  it('gets a real compacting full collection from Node, without --expose-gc', () => {
    const collectNow = compactingFullGc();
    if (collectNow === undefined) throw new Error('no collection');
    const holder: { garbage?: unknown[] } = {};
    collectNow();
    const before = process.memoryUsage().heapUsed;
    holder.garbage = Array.from({ length: 300_000 }, (_, i) => ({ i, text: `item ${i}` }));
    const grown = process.memoryUsage().heapUsed - before;
    delete holder.garbage;
    collectNow();
    const left = process.memoryUsage().heapUsed - before;
    expect(grown).toBeGreaterThan(10 * MB);
    expect(left).toBeLessThan(grown / 4);
  });
});
