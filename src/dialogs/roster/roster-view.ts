import type { RosterMemberCardData, RosterTeamCardData } from '../../cards/roster/roster.cards';
import type { PcnConfig } from '../../domain/pcn-config';
import { isTierOne, tierOneUntil, whyNotOffered } from '../../domain/roster/referral-offer';
import { newCoachProfile, type RosterMember } from '../../domain/roster/roster-member';
import type { Versioned } from '../../store/versioned';

const TRAINING_WORDS = {
  'not-started': 'PCI course not started',
  booked: 'PCI course booked',
  completed: 'PCI course completed',
} as const;
const TAKING_WORDS = {
  yes: 'taking referrals',
  'on-leave': 'on leave',
  'caseload-full': 'caseload full',
} as const;

function rolesText(member: RosterMember): string {
  return member.lead && member.coach ? 'Lead and coach' : member.lead ? 'Lead' : 'Coach';
}

/** The team card: each person with their roles and, for a coach, why they are not offered. */
export function teamCardData(
  pcn: PcnConfig,
  members: readonly RosterMember[],
  today: string,
): RosterTeamCardData {
  return {
    pcnName: pcn.pcnName,
    members: members.map((member) => {
      const coach = member.coach;
      const status = coach
        ? [
            coach.training.state === 'completed'
              ? `${TRAINING_WORDS.completed} ${coach.training.completedOn}`
              : TRAINING_WORDS[coach.training.state],
            TAKING_WORDS[coach.takingReferrals],
            ...(isTierOne(coach, today) ? [`Tier 1 until ${tierOneUntil(coach) ?? ''}`] : []),
          ].join(' · ')
        : '';
      const reasons = coach ? whyNotOffered(coach, today) : [];
      return {
        memberId: member.aadObjectId,
        name: member.displayName,
        roles: rolesText(member),
        status,
        warning:
          reasons.length > 0
            ? `Not offered for new referrals: ${member.displayName} ${reasons.join(' and ')}.`
            : '',
      };
    }),
  };
}

/** A person's card for the lead to change, carrying the version it was read at. */
export function memberCardData(
  pcn: PcnConfig,
  current: Versioned<RosterMember>,
  problem: string,
): RosterMemberCardData {
  const member = current.value;
  const coach = member.coach ?? newCoachProfile();
  return {
    memberId: member.aadObjectId,
    etag: current.etag,
    name: member.displayName,
    problem,
    lead: member.lead ? 'true' : 'false',
    coach: member.coach ? 'true' : 'false',
    practices: coach.practices.join(','),
    practiceChoices: pcn.practices.map((p) => ({ title: p.name, value: p.odsCode })),
    modes: coach.modes.join(','),
    formats: coach.formats.join(','),
    about: coach.about ?? '',
    training: coach.training.state,
    completedOn: coach.training.state === 'completed' ? coach.training.completedOn : '',
    startedInPost: coach.startedInPost ?? '',
    takingReferrals: coach.takingReferrals,
  };
}
