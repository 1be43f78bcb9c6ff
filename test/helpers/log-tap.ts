import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Every log line the bot writes during the test run is copied here (one file per jest worker),
 * so that the run's teardown can scan them all for the patient identifiers the tests used.
 */
export const LOG_TAP_DIR = join(__dirname, '..', '..', 'test-output', 'log-tap');

/** Identifiers the tests put into the bot, recorded so that the scan knows what to look for. */
export const IDENTIFIER_TAP_DIR = join(__dirname, '..', '..', 'test-output', 'identifiers');

function append(dir: string, lines: readonly string[]): void {
  if (lines.length === 0) {
    return;
  }
  mkdirSync(dir, { recursive: true });
  appendFileSync(join(dir, `${process.pid}.txt`), `${lines.join('\n')}\n`);
}

export function tapLogLines(lines: readonly string[]): void {
  append(LOG_TAP_DIR, lines);
}

/** Record identifiers a test sends to the bot (one per line; newlines inside are folded). */
export function recordIdentifiers(identifiers: readonly string[]): void {
  append(
    IDENTIFIER_TAP_DIR,
    identifiers.map((id) => id.replace(/\s*\n\s*/g, ' ')),
  );
}
