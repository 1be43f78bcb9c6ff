import { DateTime } from 'luxon';
import { englandAndWalesBankHolidays } from '../../../src/domain/supervision/bank-holidays';
import { referralsWaitingSection } from '../../../src/jobs/digest-sections';
import { MemoryReferralCaseRepository } from '../../../src/store/memory/referral-case.memory-repository';
import { referralCase } from '../../helpers/referral-case-fixtures';

const lead = { tenantId: 't', userId: 'lead', displayName: 'Lee', isCoach: false, isLead: true };
const week = {
  start: DateTime.fromISO('2026-11-30T00:00:00Z'),
  end: DateTime.fromISO('2026-12-07T00:00:00Z'),
};

async function sectionOn(now: string, cases: MemoryReferralCaseRepository) {
  const section = referralsWaitingSection(
    cases,
    'riverside',
    2,
    englandAndWalesBankHolidays(),
    () => DateTime.fromISO(now),
  );
  return section.compose(lead, week as never);
}

describe("the lead's weekly digest: referrals waiting", () => {
  it('counts the referrals nobody has accepted and names those past the working days', async () => {
    const cases = new MemoryReferralCaseRepository();
    await cases.create(
      referralCase({ reference: 'HC-7K3Q', createdAt: '2026-11-23T09:00:00.000Z' }),
    );
    await cases.create(
      referralCase({ reference: 'HC-2B3C', createdAt: '2026-11-30T07:00:00.000Z' }),
    );
    await cases.create(
      referralCase({
        reference: 'HC-4D5F',
        state: 'accepted',
        createdAt: '2026-11-20T09:00:00.000Z',
      }),
    );
    const block = await sectionOn('2026-11-30T08:30:00Z', cases);
    expect(block?.title).toBe('Referrals waiting');
    expect(block?.lines).toEqual([
      '2 referrals waiting to be accepted.',
      "Not accepted within 2 working days: HC-7K3Q. Type 'my referrals' to see them.",
    ]);
  });

  it('says so when none are waiting, and is only for leads', async () => {
    const cases = new MemoryReferralCaseRepository();
    const block = await sectionOn('2026-11-30T08:30:00Z', cases);
    expect(block?.lines).toEqual(['No referrals are waiting for the coaching team.']);
    const section = referralsWaitingSection(
      cases,
      'riverside',
      2,
      englandAndWalesBankHolidays(),
      () => DateTime.now(),
    );
    expect(section.appliesTo({ ...lead, isLead: false, isCoach: true })).toBe(false);
  });
});
