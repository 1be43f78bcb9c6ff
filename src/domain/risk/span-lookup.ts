/** Spans of words, [start, end): indexes into a message's tokens. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/**
 * Answers "is this span inside one of those?" in time bounded by the longest span, not by how
 * many spans there are, so a scan stays linear however many phrases a message holds.
 */
export interface SpanLookup {
  /** Whether `span` lies within a span of the set; `strictly`: within, and not the same span. */
  covers(span: Span, strictly: boolean): boolean;
}

export function spanLookup(spans: readonly Span[]): SpanLookup {
  const endsByStart = new Map<number, number[]>();
  let longest = 0;
  for (const { start, end } of spans) {
    const ends = endsByStart.get(start) ?? [];
    ends.push(end);
    endsByStart.set(start, ends);
    longest = Math.max(longest, end - start);
  }
  return {
    covers(span, strictly) {
      for (let start = span.start; start >= span.end - longest; start -= 1) {
        for (const end of endsByStart.get(start) ?? []) {
          const same = start === span.start && end === span.end;
          if (end >= span.end && !(strictly && same)) {
            return true;
          }
        }
      }
      return false;
    },
  };
}

/** For each token index, whether some span holds it. */
export function coverage(spans: readonly Span[], length: number): boolean[] {
  const covered = new Array<boolean>(length).fill(false);
  for (const { start, end } of spans) {
    for (let index = start; index < end; index += 1) {
      covered[index] = true;
    }
  }
  return covered;
}
