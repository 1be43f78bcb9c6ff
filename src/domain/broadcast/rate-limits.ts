/**
 * Sliding-window rate limits, as Teams applies them. Pure: given the times of earlier sends,
 * when may the next one go?
 */
export interface RateWindow {
  limit: number;
  seconds: number;
}

/** Per bot, per conversation or channel thread: send / create conversation. */
export const TEAMS_THREAD_LIMITS: readonly RateWindow[] = [
  { limit: 7, seconds: 1 },
  { limit: 8, seconds: 2 },
  { limit: 60, seconds: 30 },
  { limit: 1800, seconds: 3600 },
];

/** Per app, per tenant, all operations. */
export const TEAMS_TENANT_LIMITS: readonly RateWindow[] = [{ limit: 50, seconds: 1 }];

/**
 * The earliest time (ms since epoch) at or after `now` when one more send stays within every
 * window. `marginMs` widens each window, so network jitter between deciding and arriving cannot
 * push a burst over the limit at the receiving end. `spacingMs` (see `pacedSpacing`) also keeps
 * each send at least that long after the latest one, so sends are spread over the window rather
 * than sent in a burst whenever it opens.
 */
export function earliestSlot(
  history: readonly number[],
  windows: readonly RateWindow[],
  now: number,
  marginMs = 0,
  spacingMs = 0,
): number {
  const sorted = [...history].sort((a, b) => a - b);
  const last = sorted[sorted.length - 1];
  let candidate = spacingMs > 0 && last !== undefined ? Math.max(now, last + spacingMs) : now;
  // Moving later for one window never breaks another, so a few passes settle it.
  for (let pass = 0; pass < windows.length + 1; pass += 1) {
    let next = candidate;
    for (const window of windows) {
      const span = window.seconds * 1000 + marginMs;
      const inWindow = sorted.filter((t) => t > candidate - span && t <= candidate);
      if (inWindow.length >= window.limit) {
        const blocker = inWindow[inWindow.length - window.limit];
        if (blocker !== undefined) {
          next = Math.max(next, blocker + span + 1);
        }
      }
    }
    if (next === candidate) {
      return candidate;
    }
    candidate = next;
  }
  return candidate;
}

/**
 * Drop sends older than the longest window widened by the same `marginMs` that `earliestSlot`
 * is given: only those can no longer matter. Pruning with the plain window would forget a send
 * the widened window still counts, and the margin would do nothing.
 */
export function pruneHistory(
  history: readonly number[],
  windows: readonly RateWindow[],
  now: number,
  marginMs = 0,
): number[] {
  const longest = Math.max(0, ...windows.map((w) => w.seconds)) * 1000 + marginMs;
  return history.filter((t) => t > now - longest);
}

/**
 * The gap to keep between sends so they spread evenly over the tightest window (widened by the
 * margin). `factor` below 1 leaves the windows themselves as the limit over time, so a little
 * lateness in each send does not lower the rate; it only smooths bursts.
 */
export function pacedSpacing(
  windows: readonly RateWindow[],
  marginMs: number,
  factor = 0.75,
): number {
  const gaps = windows.map((w) => ((w.seconds * 1000 + marginMs) / Math.max(1, w.limit)) * factor);
  return Math.max(0, ...gaps);
}

/** How many sends fell in each window ending at `at`: for checking that limits were kept. */
export function worstWindowUse(history: readonly number[], window: RateWindow): number {
  const sorted = [...history].sort((a, b) => a - b);
  let worst = 0;
  let start = 0;
  for (let end = 0; end < sorted.length; end += 1) {
    const last = sorted[end] ?? 0;
    while ((sorted[start] ?? 0) <= last - window.seconds * 1000) {
      start += 1;
    }
    worst = Math.max(worst, end - start + 1);
  }
  return worst;
}
