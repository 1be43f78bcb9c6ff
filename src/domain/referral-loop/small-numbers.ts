/**
 * Small-number suppression for counts shown to practices and leads.
 *
 * The rule (docs/reporting.md):
 * 1. A count under the threshold is shown as "fewer than N" (`fewer-than`).
 * 2. Counts that are nested (each counts a subset of the one before it, e.g. referrals made,
 *    of those accepted, of those with a first session held) are checked in pairs: when both of a
 *    pair would be shown and their difference is under the threshold, the smaller count is
 *    withheld as well (`withheld`), because the difference would otherwise be a small number
 *    anyone could work out. This repeats until nothing changes.
 * So every number shown is at least the threshold, and so is the difference between any two
 * numbers shown where one counts a subset of the other.
 */
export type ShownCount =
  | { kind: 'count'; value: number }
  | { kind: 'fewer-than'; threshold: number }
  | { kind: 'withheld' };

/** The threshold itself: every count under it is suppressed. */
export const DEFAULT_SMALL_NUMBER_THRESHOLD = 5;

/** One count on its own (rule 1 only): for counts that are not part of a chain. */
export function suppressOne(value: number, threshold: number): ShownCount {
  return value < threshold ? { kind: 'fewer-than', threshold } : { kind: 'count', value };
}

/**
 * Rules 1 and 2 for a chain of nested counts, largest set first (each value counts a subset of
 * the one before it, so the values never increase along the chain).
 */
export function suppressChain(values: readonly number[], threshold: number): ShownCount[] {
  const shown: ShownCount[] = values.map((value) => suppressOne(value, threshold));
  let changed = true;
  while (changed) {
    changed = false;
    for (let i = 0; i < values.length; i += 1) {
      for (let j = i + 1; j < values.length; j += 1) {
        const outer = shown[i];
        const inner = shown[j];
        if (outer?.kind === 'count' && inner?.kind === 'count') {
          if (outer.value - inner.value < threshold) {
            shown[j] = { kind: 'withheld' };
            changed = true;
          }
        }
      }
    }
  }
  return shown;
}

/** A total split into parts (each answer's count), as it may be shown. */
export interface ShownPartition {
  total: ShownCount;
  parts: ShownCount[];
}

/**
 * Rules 1 and 2 for a total and the parts it splits into (they add up to it). When any part is
 * hidden, the hidden parts together (the total less the parts shown) could be worked out, so
 * they must add up to at least the threshold: while they do not, the smallest part still shown
 * is withheld too.
 */
export function suppressPartition(parts: readonly number[], threshold: number): ShownPartition {
  const total = parts.reduce((sum, part) => sum + part, 0);
  const shown: ShownCount[] = parts.map((value) => suppressOne(value, threshold));
  const hiddenSum = (): number =>
    parts.reduce((sum, value, i) => (shown[i]?.kind === 'count' ? sum : sum + value), 0);
  const anyHidden = (): boolean => shown.some((s) => s.kind !== 'count');
  while (anyHidden() && hiddenSum() < threshold) {
    let smallest = -1;
    shown.forEach((s, i) => {
      if (s.kind === 'count' && (smallest < 0 || s.value < (parts[smallest] ?? 0))) {
        smallest = i;
      }
    });
    if (smallest < 0) {
      break;
    }
    shown[smallest] = { kind: 'withheld' };
  }
  return { total: suppressOne(total, threshold), parts: shown };
}
