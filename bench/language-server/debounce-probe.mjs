/**
 * Preloaded into the benchmarked cors-language-server (`node --import <this> dist/main.js --stdio`)
 * to see the moment its per-document change debounce fires. The server has a fixed debounce
 * (`CHANGE_DEBOUNCE_MS` in packages/language-server/src/documents.ts) and no setting to turn it
 * off, so the benchmark measures from that moment to the publish it receives.
 *
 * It changes nothing in the server's behaviour: timers whose delay equals the debounce (passed in
 * CORS_BENCH_DEBOUNCE_MS) get their callback wrapped so that, just before it runs, one line
 * `@@bench-debounce-fired <ns>` goes to stderr. `<ns>` is `process.hrtime.bigint()`, i.e.
 * CLOCK_MONOTONIC on Linux, which the benchmark process reads too, so the two clocks agree.
 *
 * For the memory figures only: when the server runs with `--expose-gc`, SIGUSR2 runs a full garbage
 * collection and writes `@@bench-heap <heapUsed> <rss>` (bytes), to tell retained memory from
 * garbage not yet collected. The RSS the benchmark reports as the target figure is read before that.
 */
const debounce = Number(process.env.CORS_BENCH_DEBOUNCE_MS);
const original = globalThis.setTimeout;

if (Number.isFinite(debounce) && debounce > 0) {
  globalThis.setTimeout = function benchSetTimeout(callback, delay, ...args) {
    if (delay === debounce && typeof callback === 'function') {
      const wrapped = (...callbackArgs) => {
        process.stderr.write(`@@bench-debounce-fired ${process.hrtime.bigint()}\n`);
        return callback(...callbackArgs);
      };
      return original.call(this, wrapped, delay, ...args);
    }
    return original.call(this, callback, delay, ...args);
  };
}

if (typeof globalThis.gc === 'function') {
  process.on('SIGUSR2', () => {
    globalThis.gc();
    const { heapUsed, rss } = process.memoryUsage();
    process.stderr.write(`@@bench-heap ${heapUsed} ${rss}\n`);
  });
}
