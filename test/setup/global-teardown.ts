import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { KNOWN_IDENTIFIERS } from '../fixtures/identifiers';
import { IDENTIFIER_TAP_DIR, LOG_TAP_DIR } from '../helpers/log-tap';

function readLines(dir: string): string[] {
  if (!existsSync(dir)) {
    return [];
  }
  return readdirSync(dir).flatMap((file) =>
    readFileSync(join(dir, file), 'utf8')
      .split('\n')
      .filter((line) => line.length > 0),
  );
}

const digitsOnly = (text: string): string => text.normalize('NFKC').replace(/\D/g, '');
const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * After the whole run: no log line may hold an identifier that a test gave the bot. NHS numbers
 * are matched by their ten digits in any written form; names and dates as written.
 */
export default function globalTeardown(): void {
  const logLines = readLines(LOG_TAP_DIR);
  const identifiers = [...KNOWN_IDENTIFIERS, ...readLines(IDENTIFIER_TAP_DIR)];
  const nhsNumbers = new Set(identifiers.map(digitsOnly).filter((digits) => digits.length === 10));
  const words = identifiers.filter((id) => digitsOnly(id).length !== 10 && id.trim().length >= 5);
  const wordPattern =
    words.length > 0 ? new RegExp(words.map((w) => escape(w.trim())).join('|'), 'i') : undefined;
  const leaks: string[] = [];
  for (const line of logLines) {
    const runs = line.normalize('NFKC').match(/\d(?:[\s./-]?\d){9}/g) ?? [];
    const nhs = runs.map(digitsOnly).find((digits) => nhsNumbers.has(digits));
    const word = wordPattern?.exec(line)?.[0];
    if (nhs !== undefined || word !== undefined) {
      leaks.push(`${nhs ?? word ?? ''} in: ${line.slice(0, 300)}`);
    }
  }
  process.stdout.write(
    `\nLog scan: ${logLines.length} log lines checked for ${identifiers.length} identifiers used in the tests: ${leaks.length} found.\n`,
  );
  if (leaks.length > 0) {
    throw new Error(`Patient identifiers reached the logs:\n${leaks.slice(0, 20).join('\n')}`);
  }
}
