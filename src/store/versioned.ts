/** A stored value with the ETag it was read at, so a change to it can be guarded. */
export interface Versioned<T> {
  value: T;
  etag: string;
}
