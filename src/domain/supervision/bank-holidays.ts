import type { DateTime } from 'luxon';
import data from './bank-holidays.england-and-wales.json';

/** Bank holidays in England and Wales, from the published list shipped as data. */
export interface BankHolidayCalendar {
  holidayOn(date: DateTime): string | undefined;
  /** True when the date is past the years the data covers, so a holiday may be missed. */
  beyondData(date: DateTime): boolean;
  readonly source: string;
  readonly lastYear: number;
}

export function englandAndWalesBankHolidays(): BankHolidayCalendar {
  const byDate = new Map(data.dates.map((d) => [d.date, d.title]));
  return {
    holidayOn: (date) => byDate.get(date.setZone('Europe/London').toISODate() ?? ''),
    beyondData: (date) => date.setZone('Europe/London').year > data.lastYear,
    source: data.source,
    lastYear: data.lastYear,
  };
}
