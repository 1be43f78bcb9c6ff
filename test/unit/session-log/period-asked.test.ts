import { periodAsked } from '../../../src/dialogs/session-log/period-asked';

const TODAY = '2026-12-01';

describe('the period a caseload or report command asks for', () => {
  it.each([
    ['my caseload', '2026-12', ''],
    ['show me my caseload', '2026-12', ''],
    ['show the activity report', '2026-12', ''],
    ['my caseload this month', '2026-12', ''],
    ['monthly activity report please', '2026-12', ''],
    ['show the activity report for Q3', '2026-Q3', ''],
    ['caseload last month', '2026-11', ''],
    ['my caseload for the blue team', '2026-12', 'couldn’t tell'],
    ['activity report 2027', '2026-12', '2027 has not begun yet'],
  ])('%s', (text, key, problem) => {
    const asked = periodAsked(text, undefined, TODAY);
    expect(asked.period.key).toBe(key);
    if (problem === '') {
      expect(asked.problem).toBe('');
    } else {
      expect(asked.problem).toContain(problem);
    }
  });

  it('takes the card picker key over the words, and refuses a key it did not make', () => {
    expect(periodAsked('', '2025-Q2', TODAY).period.label).toBe('Q2 2025 (April to June)');
    expect(periodAsked('', '2026-Q9', TODAY)).toMatchObject({
      period: { key: '2026-12' },
      problem: expect.stringContaining('couldn’t tell') as string,
    });
  });
});
