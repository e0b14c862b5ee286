/**
 * Preloaded into a benchmarked server for the memory figures only (`node --expose-gc --import
 * <this> …`): SIGUSR2 runs a full garbage collection and writes `@@bench-heap <heapUsed> <rss>`
 * (bytes) to stderr, to tell memory the server retains from garbage not yet collected. The RSS the
 * benchmark reports as the target figure is read before that, from /proc.
 */
if (typeof globalThis.gc === 'function') {
  process.on('SIGUSR2', () => {
    globalThis.gc();
    const { heapUsed, rss } = process.memoryUsage();
    process.stderr.write(`@@bench-heap ${heapUsed} ${rss}\n`);
  });
}
