/** The value, which the test has just stored or made; a clear failure if it is not there. */
export function present<T>(value: T | undefined, what = 'value'): T {
  if (value === undefined) {
    throw new Error(`expected the ${what} to be there`);
  }
  return value;
}
