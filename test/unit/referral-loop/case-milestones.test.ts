import { applyCaseEvent } from '../../../src/domain/referral-loop/case-transitions';
import {
  caseMilestones,
  londonMonthBounds,
} from '../../../src/domain/referral-loop/case-milestones';
import type { ReferralCase } from '../../../src/domain/referral-loop/referral-case';
import { referralCase } from '../../helpers/referral-case-fixtures';

function moved(current: ReferralCase, kind: 'accept' | 'first-session', at: string): ReferralCase {
  const result = applyCaseEvent(current, { kind }, at);
  if (result.kind !== 'changed') {
    throw new Error(`expected ${kind} to change the case`);
  }
  return result.next;
}

describe("a referral's milestones, for the monthly practice card", () => {
  it('records when each state was first reached, and a first session counts as first contact', () => {
    const accepted = moved(referralCase(), 'accept', '2026-11-24T10:00:00.000Z');
    const seen = moved(accepted, 'first-session', '2026-11-27T15:00:00.000Z');
    expect(caseMilestones(seen)).toEqual({
      practice: 'Y00001',
      createdAt: '2026-11-23T09:00:00.000Z',
      acceptedAt: '2026-11-24T10:00:00.000Z',
      firstContactAt: '2026-11-27T15:00:00.000Z',
      firstSessionAt: '2026-11-27T15:00:00.000Z',
      notForCoachingReason: null,
    });
  });

  it('gives a stored case made before milestones were kept only its creation', () => {
    expect(caseMilestones(referralCase({ state: 'accepted' }))).toEqual({
      practice: 'Y00001',
      createdAt: '2026-11-23T09:00:00.000Z',
      notForCoachingReason: null,
    });
  });

  it('bounds a month in London time, summer and winter', () => {
    expect(londonMonthBounds('2026-07')).toEqual({
      from: '2026-06-30T23:00:00.000Z',
      to: '2026-07-31T23:00:00.000Z',
    });
    expect(londonMonthBounds('2026-11')).toEqual({
      from: '2026-11-01T00:00:00.000Z',
      to: '2026-12-01T00:00:00.000Z',
    });
  });
});
