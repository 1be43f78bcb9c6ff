/**
 * Preloaded into the bench's bots (node --expose-gc --require): SIGUSR2 runs a full garbage
 * collection, so "idle memory after GC" is measured the same way in both.
 */
process.on('SIGUSR2', () => {
  const { gc } = globalThis as { gc?: () => void };
  gc?.();
  process.stdout.write(`${JSON.stringify({ event: 'gc_done', at: Date.now() })}\n`);
});
