import { DateTime } from 'luxon';
/**
 * The one CSV writer for every CSV the bot serves: RFC 4180 quoting, and OWASP's rule against CSV
 * (formula) injection, because these files are opened in spreadsheets.
 *
 * A cell is text or a number:
 * - Text (a string) may hold anything a person typed or Teams sent, such as a channel name. If
 *   it starts with `=`, `+`, `-`, `@`, a tab or a carriage return, a spreadsheet could read it
 *   as a formula, so it gets a single quote `'` in front; the quote shows in the cell, which is
 *   the price of safety. Then it is quoted if it holds `"`, `,`, CR or LF.
 * - A number is one the code computed itself (a count, hours). It is written as the number, with
 *   no prefix, so a legitimately negative number stays `-3` and sums in the spreadsheet: a finite
 *   number's decimal form is only digits, a sign, a point and an exponent, never a formula. Never
 *   pass text through as a number: anything read from outside is a string cell.
 */
export type CsvCell = string | number;

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** One cell, neutralised and quoted as needed. */
export function csvCell(value: CsvCell): string {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) {
      throw new RangeError('csvCell: a number cell must be finite');
    }
    return String(value);
  }
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A whole file: one line per row, each ended by CRLF as RFC 4180 asks. */
export function csvDocument(rows: ReadonlyArray<readonly CsvCell[]>): string {
  return rows.map((row) => `${row.map(csvCell).join(',')}\r\n`).join('');
}

/**
 * An instant as UK time with its offset, to the second: "2026-07-01T10:00:00+01:00" in summer,
 * "2026-12-01T09:00:00+00:00" in winter, so a spreadsheet and a person read the same time.
 */
export function ukTime(iso: string): string {
  const time = DateTime.fromISO(iso, { setZone: true }).setZone('Europe/London');
  return time.isValid
    ? (time.toISO({ suppressMilliseconds: true, includeOffset: true }) ?? '')
    : '';
}
