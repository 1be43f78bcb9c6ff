import { recogniseCommand } from '../../../src/domain/commands';
import {
  monthsIn,
  parseReportPeriod,
  periodFromKey,
  recentPeriods,
} from '../../../src/domain/sessions/report-period';

/** 1 December 2026, the day the November report is wanted. */
const TODAY = '2026-12-01';

describe('reading a report period from what people type', () => {
  it.each([
    ['my caseload for November', '2026-11', 'November 2026', '2026-11-01', '2026-11-30'],
    ['caseload last month', '2026-11', 'November 2026', '2026-11-01', '2026-11-30'],
    ['this month', '2026-12', 'December 2026', '2026-12-01', '2026-12-31'],
    ['december', '2026-12', 'December 2026', '2026-12-01', '2026-12-31'],
    ['January', '2026-01', 'January 2026', '2026-01-01', '2026-01-31'],
    ['feb 2024', '2024-02', 'February 2024', '2024-02-01', '2024-02-29'],
    ['Sept 2025', '2025-09', 'September 2025', '2025-09-01', '2025-09-30'],
    ['2026-11', '2026-11', 'November 2026', '2026-11-01', '2026-11-30'],
    ['activity report Q3', '2026-Q3', 'Q3 2026 (July to September)', '2026-07-01', '2026-09-30'],
    ['Q4', '2026-Q4', 'Q4 2026 (October to December)', '2026-10-01', '2026-12-31'],
    ['q1 2025', '2025-Q1', 'Q1 2025 (January to March)', '2025-01-01', '2025-03-31'],
    ['quarter 2', '2026-Q2', 'Q2 2026 (April to June)', '2026-04-01', '2026-06-30'],
    ['last quarter', '2026-Q3', 'Q3 2026 (July to September)', '2026-07-01', '2026-09-30'],
    ['this quarter', '2026-Q4', 'Q4 2026 (October to December)', '2026-10-01', '2026-12-31'],
    ['activity report 2026', '2026', '2026', '2026-01-01', '2026-12-31'],
    ['last year', '2025', '2025', '2025-01-01', '2025-12-31'],
    ['2026-q2', '2026-Q2', 'Q2 2026 (April to June)', '2026-04-01', '2026-06-30'],
  ])('%s', (text, key, label, start, end) => {
    expect(parseReportPeriod(text, TODAY)).toEqual({
      kind: key.includes('Q') ? 'quarter' : key.length === 4 ? 'year' : 'month',
      key,
      label,
      start,
      end,
    });
  });

  it('takes a month or quarter without a year as the latest one that has begun', () => {
    expect(parseReportPeriod('March', '2027-02-10')?.key).toBe('2026-03');
    expect(parseReportPeriod('February', '2027-02-10')?.key).toBe('2027-02');
    expect(parseReportPeriod('Q2', '2027-02-10')?.key).toBe('2026-Q2');
    expect(parseReportPeriod('last month', '2027-01-05')?.key).toBe('2026-12');
    expect(parseReportPeriod('last quarter', '2027-01-05')?.key).toBe('2026-Q4');
  });

  it('finds no period in words that name none, or a year out of range', () => {
    expect(parseReportPeriod('my caseload', TODAY)).toBeUndefined();
    expect(parseReportPeriod('caseload for the team', TODAY)).toBeUndefined();
    expect(parseReportPeriod('1850', TODAY)).toBeUndefined();
  });
});

describe('period keys, as cards and links carry them', () => {
  it('reads the keys it makes and nothing else', () => {
    for (const period of recentPeriods(TODAY)) {
      expect(periodFromKey(period.key)).toEqual(period);
    }
    for (const bad of ['2026-13', '2026-00', '2026-Q5', '26', '2026-11\n', '../2026', '']) {
      expect(periodFromKey(bad)).toBeUndefined();
    }
  });

  it('offers the last six months, four quarters and two years, newest first', () => {
    expect(recentPeriods(TODAY).map((p) => p.key)).toEqual([
      '2026-12',
      '2026-11',
      '2026-10',
      '2026-09',
      '2026-08',
      '2026-07',
      '2026-Q4',
      '2026-Q3',
      '2026-Q2',
      '2026-Q1',
      '2026',
      '2025',
    ]);
  });

  it('names the months a period touches, for stores kept by month', () => {
    expect(monthsIn({ start: '2026-07-01', end: '2026-09-30' })).toEqual([
      '2026-07',
      '2026-08',
      '2026-09',
    ]);
    expect(monthsIn({ start: '2025-11-01', end: '2026-01-31' })).toHaveLength(3);
  });
});

describe('typed commands that name a period', () => {
  it.each([
    ['my caseload for November', 'caseload'],
    ['caseload last month', 'caseload'],
    ['show my caseload Q3', 'caseload'],
    ['activity report Q3', 'activity-report'],
    ['activity report 2026', 'activity-report'],
    ['monthly activity report for October', 'activity-report'],
  ])('%s is the %s command', (text, command) => {
    expect(recogniseCommand(text)).toBe(command);
  });
});
