import { COACHING_FORMATS, COACHING_MODES } from '../pcn-config';
import {
  newCoachProfile,
  PCI_TRAINING_STATES,
  REFERRAL_AVAILABILITY,
  type CoachProfile,
  type PciTraining,
  type RosterMember,
} from './roster-member';

/** What a lead sent from a member's card, as the card sends it (strings, lists comma-separated). */
export interface MemberEdit {
  lead?: string;
  coach?: string;
  practices?: string;
  modes?: string;
  formats?: string;
  about?: string;
  training?: string;
  completedOn?: string;
  startedInPost?: string;
  takingReferrals?: string;
}

export type EditResult = { ok: true; member: RosterMember } | { ok: false; problem: string };

const list = (value: string | undefined): string[] =>
  (value ?? '')
    .split(',')
    .map((v) => v.trim())
    .filter((v) => v.length > 0);

const oneOf = <T extends string>(allowed: readonly T[], value: string): value is T =>
  (allowed as readonly string[]).includes(value);

const isIsoDate = (value: string): boolean =>
  /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`));

/**
 * The member after the lead's changes, or the first problem in words for the card. `today` is an
 * ISO date: a course cannot be completed, nor a post started, after it.
 */
export function applyMemberEdit(
  current: RosterMember,
  edit: MemberEdit,
  practiceCodes: readonly string[],
  today: string,
): EditResult {
  const lead = edit.lead === undefined ? current.lead : edit.lead === 'true';
  const isCoach = edit.coach === undefined ? current.coach !== undefined : edit.coach === 'true';
  if (!lead && !isCoach) {
    return {
      ok: false,
      problem: 'Choose lead, coach or both. To take someone off the team, use Remove.',
    };
  }
  if (!isCoach) {
    return {
      ok: true,
      member: { aadObjectId: current.aadObjectId, displayName: current.displayName, lead },
    };
  }
  const base = current.coach ?? newCoachProfile();
  const practices = edit.practices === undefined ? base.practices : list(edit.practices);
  const unknown = practices.find((p) => !practiceCodes.includes(p));
  if (unknown !== undefined) {
    return { ok: false, problem: 'Choose practices from the list.' };
  }
  const modes = edit.modes === undefined ? base.modes : list(edit.modes);
  if (modes.length === 0 || !modes.every((m) => oneOf(COACHING_MODES, m))) {
    return {
      ok: false,
      problem: 'Choose at least one way of working: phone, video or face to face.',
    };
  }
  const formats = edit.formats === undefined ? base.formats : list(edit.formats);
  if (formats.length === 0 || !formats.every((f) => oneOf(COACHING_FORMATS, f))) {
    return { ok: false, problem: 'Choose one to one, group or both.' };
  }
  const training = trainingFrom(base.training, edit, today);
  if (typeof training === 'string') {
    return { ok: false, problem: training };
  }
  const started = edit.startedInPost === undefined ? base.startedInPost : edit.startedInPost.trim();
  if (started !== undefined && started !== '') {
    if (!isIsoDate(started)) {
      return { ok: false, problem: 'Give the date they started in post as a date.' };
    }
    if (started > today) {
      return { ok: false, problem: 'The date they started in post cannot be in the future.' };
    }
  }
  const taking = edit.takingReferrals ?? base.takingReferrals;
  if (!oneOf(REFERRAL_AVAILABILITY, taking)) {
    return { ok: false, problem: 'Say whether they are taking new referrals.' };
  }
  const about = edit.about === undefined ? base.about : edit.about.trim();
  const coach: CoachProfile = {
    practices,
    modes: modes.filter((m) => oneOf(COACHING_MODES, m)),
    formats: formats.filter((f) => oneOf(COACHING_FORMATS, f)),
    ...(about === undefined || about === '' ? {} : { about }),
    training,
    ...(started === undefined || started === '' ? {} : { startedInPost: started }),
    takingReferrals: taking,
  };
  return {
    ok: true,
    member: { aadObjectId: current.aadObjectId, displayName: current.displayName, lead, coach },
  };
}

function trainingFrom(base: PciTraining, edit: MemberEdit, today: string): PciTraining | string {
  const state = edit.training ?? base.state;
  if (!oneOf(PCI_TRAINING_STATES, state)) {
    return 'Choose the PCI-accredited course state.';
  }
  if (state !== 'completed') {
    return { state };
  }
  const date =
    edit.completedOn?.trim() ?? (base.state === 'completed' ? base.completedOn : undefined);
  if (date === undefined || date === '') {
    return 'Give the date the course was completed.';
  }
  if (!isIsoDate(date)) {
    return 'Give the date the course was completed as a date.';
  }
  if (date > today) {
    return 'The course completion date cannot be in the future.';
  }
  return { state: 'completed', completedOn: date };
}

/** What changed, field by field, for the audit trail: names of fields, never their values. */
export function changedFields(before: RosterMember, after: RosterMember): string[] {
  const fields: string[] = [];
  if (before.lead !== after.lead) {
    fields.push('lead');
  }
  if ((before.coach === undefined) !== (after.coach === undefined)) {
    fields.push('coach');
  }
  const a = before.coach;
  const b = after.coach;
  if (a && b) {
    for (const key of [
      'practices',
      'modes',
      'formats',
      'about',
      'training',
      'startedInPost',
      'takingReferrals',
    ] as const) {
      if (JSON.stringify(a[key]) !== JSON.stringify(b[key])) {
        fields.push(key);
      }
    }
  }
  return fields;
}
