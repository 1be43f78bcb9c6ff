import { RoleDirectory } from '../../../src/domain/roles';
import {
  coachesForReferral,
  isTierOne,
  offeredForReferrals,
  tierOneUntil,
  whyNotOffered,
} from '../../../src/domain/roster/referral-offer';
import {
  newCoachProfile,
  rosterFromConfig,
  type CoachProfile,
  type RosterMember,
} from '../../../src/domain/roster/roster-member';
import { examplePcn } from '../../helpers/pcn';

const TODAY = '2026-11-23';
const trained = (overrides: Partial<CoachProfile> = {}): CoachProfile => ({
  ...newCoachProfile(),
  training: { state: 'completed', completedOn: '2026-01-10' },
  ...overrides,
});

describe('who is offered for new referrals', () => {
  it('offers a coach who completed the PCI course and is taking referrals', () => {
    expect(offeredForReferrals(trained(), TODAY)).toBe(true);
    expect(whyNotOffered(trained(), TODAY)).toEqual([]);
  });

  it('does not offer an untrained coach, and says why', () => {
    expect(offeredForReferrals(newCoachProfile(), TODAY)).toBe(false);
    expect(whyNotOffered(newCoachProfile(), TODAY)).toEqual([
      'has not started the PCI-accredited coaching course',
    ]);
    expect(whyNotOffered(trained({ training: { state: 'booked' } }), TODAY)).toEqual([
      'is booked on the PCI-accredited coaching course but has not completed it',
    ]);
  });

  it('does not take a completion date in the future as completed', () => {
    const future = trained({ training: { state: 'completed', completedOn: '2026-11-24' } });
    expect(whyNotOffered(future, TODAY)).toEqual(['has a course completion date in the future']);
    expect(offeredForReferrals(future, '2026-11-24')).toBe(true);
  });

  it('does not offer a coach on leave or with a full caseload, giving every reason', () => {
    expect(whyNotOffered(trained({ takingReferrals: 'on-leave' }), TODAY)).toEqual(['is on leave']);
    expect(
      whyNotOffered({ ...newCoachProfile(), takingReferrals: 'caseload-full' }, TODAY),
    ).toEqual(['has not started the PCI-accredited coaching course', 'has a full caseload']);
  });

  it('offers only coaches who work with the practice (none listed means every practice)', () => {
    const member = (id: string, coach: CoachProfile): RosterMember => ({
      aadObjectId: `00000000-0000-0000-0000-00000000000${id}`,
      displayName: `Coach ${id}`,
      lead: false,
      coach,
    });
    const everywhere = member('1', trained());
    const y2 = member('2', trained({ practices: ['Y00002'] }));
    const untrained = member('3', newCoachProfile());
    const lead: RosterMember = { ...member('4', trained()), coach: undefined, lead: true };
    expect(coachesForReferral([everywhere, y2, untrained, lead], 'Y00001', TODAY)).toEqual([
      everywhere,
    ]);
    expect(coachesForReferral([everywhere, y2, untrained, lead], 'Y00002', TODAY)).toEqual([
      everywhere,
      y2,
    ]);
  });

  it('counts Tier 1 as the first 12 months in post', () => {
    const coach = trained({ startedInPost: '2025-12-01' });
    expect(tierOneUntil(coach)).toBe('2026-12-01');
    expect(isTierOne(coach, TODAY)).toBe(true);
    expect(isTierOne(coach, '2026-12-01')).toBe(false);
    expect(isTierOne(trained(), TODAY)).toBe(false);
  });
});

describe('the roster seeded from the PCN file', () => {
  it('takes leads and coaches, assuming no training the file does not record', () => {
    const members = rosterFromConfig(examplePcn());
    expect(members.map((m) => [m.displayName, m.lead, m.coach?.training.state])).toEqual([
      ['Sam Lead (personalised care lead)', true, undefined],
      ['Jo Coach', false, 'completed'],
      ['Sam Okoro', false, 'not-started'],
    ]);
  });

  it('makes a person listed as lead and coach one member with both roles', () => {
    const pcn = examplePcn((raw) => {
      (raw.coaches as Array<Record<string, unknown>>).push({
        aadObjectId: '00000000-0000-0000-0000-0000000000A1',
        displayName: 'Sam as coach',
      });
    });
    const both = rosterFromConfig(pcn).filter((m) => m.aadObjectId.endsWith('a1'));
    expect(both).toHaveLength(1);
    expect(both[0]?.lead).toBe(true);
    expect(both[0]?.coach).toBeDefined();
    const roles = new RoleDirectory(pcn);
    expect(roles.isLead('00000000-0000-0000-0000-0000000000a1')).toBe(true);
    expect(roles.isCoach('00000000-0000-0000-0000-0000000000a1')).toBe(true);
  });

  it('answers from a new snapshot at once when the roster changes', () => {
    const roles = new RoleDirectory(examplePcn());
    const newcomer = '00000000-0000-0000-0000-0000000000c9';
    expect(roles.roleOf(newcomer)).toBe('referrer');
    roles.replace([
      ...roles.everyone(),
      { aadObjectId: newcomer, displayName: 'New Coach', lead: false, coach: trained() },
    ]);
    expect(roles.roleOf(newcomer.toUpperCase())).toBe('coach');
    expect(roles.coachesForReferral('Y00003', TODAY).map((m) => m.displayName)).toEqual([
      'New Coach',
    ]);
  });
});
