/**
 * Run synchronous work as a repository call: its result, or what it throws, arrives as a promise,
 * as from the Cosmos implementations.
 */
export function settle<T>(work: () => T): Promise<T> {
  return new Promise<T>((resolve) => {
    resolve(work());
  });
}
