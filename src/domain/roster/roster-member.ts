import { z } from 'zod';
import { COACHING_FORMATS, COACHING_MODES, type PcnConfig } from '../pcn-config';

/**
 * The PCN's team as the roster holds it: leads and coaches, each by Entra object id, with what a
 * coach offers and whether they may be offered new referrals. No patient data: staff only.
 */

/** The PCI-accredited health coaching course (minimum 4 days), needed before taking referrals. */
export const PCI_TRAINING_STATES = ['not-started', 'booked', 'completed'] as const;
export type PciTrainingState = (typeof PCI_TRAINING_STATES)[number];

/** Whether the coach is taking new referrals, and if not, why. */
export const REFERRAL_AVAILABILITY = ['yes', 'on-leave', 'caseload-full'] as const;
export type ReferralAvailability = (typeof REFERRAL_AVAILABILITY)[number];

const odsCode = z.string().regex(/^[A-Z][0-9]{5}$/);
const isoDate = z.iso.date();

export const pciTrainingSchema = z.discriminatedUnion('state', [
  z.object({ state: z.literal('not-started') }),
  z.object({ state: z.literal('booked') }),
  z.object({ state: z.literal('completed'), completedOn: isoDate }),
]);
export type PciTraining = z.infer<typeof pciTrainingSchema>;

export const coachProfileSchema = z.object({
  /** ODS codes of the practices the coach works with; empty means all of the PCN's practices. */
  practices: z.array(odsCode),
  modes: z.array(z.enum(COACHING_MODES)).min(1),
  formats: z.array(z.enum(COACHING_FORMATS)).min(1),
  about: z.string().trim().min(1).max(400).optional(),
  training: pciTrainingSchema,
  /** The day they started in post: Tier 1 for their first 12 months. */
  startedInPost: isoDate.optional(),
  takingReferrals: z.enum(REFERRAL_AVAILABILITY),
});
export type CoachProfile = z.infer<typeof coachProfileSchema>;

export const rosterMemberSchema = z.object({
  /** The Entra object id, in lower case. */
  aadObjectId: z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/),
  displayName: z.string().trim().min(1).max(200),
  lead: z.boolean(),
  /** Set when the person is one of the PCN's coaches. */
  coach: coachProfileSchema.optional(),
});
export type RosterMember = z.infer<typeof rosterMemberSchema>;

/** A new coach's details before the lead has changed anything: nothing assumed about training. */
export function newCoachProfile(): CoachProfile {
  return {
    practices: [],
    modes: ['phone', 'video', 'face-to-face'],
    formats: ['one-to-one'],
    training: { state: 'not-started' },
    takingReferrals: 'yes',
  };
}

/**
 * The roster the PCN file describes, for seeding the store on first start. A person listed as
 * both lead and coach is one member with both roles. Training is "not started" unless the file
 * gives the date the course was completed: nothing is assumed.
 */
export function rosterFromConfig(config: Pick<PcnConfig, 'leads' | 'coaches'>): RosterMember[] {
  const members = new Map<string, RosterMember>();
  for (const lead of config.leads) {
    const id = lead.aadObjectId.toLowerCase();
    members.set(id, { aadObjectId: id, displayName: lead.displayName, lead: true });
  }
  for (const coach of config.coaches) {
    const id = coach.aadObjectId.toLowerCase();
    const profile: CoachProfile = {
      practices: coach.practices,
      modes: coach.modes,
      formats: coach.formats,
      ...(coach.about === undefined ? {} : { about: coach.about }),
      training:
        coach.pciTrainingCompletedOn === undefined
          ? { state: 'not-started' }
          : { state: 'completed', completedOn: coach.pciTrainingCompletedOn },
      ...(coach.startedInPost === undefined ? {} : { startedInPost: coach.startedInPost }),
      takingReferrals: 'yes',
    };
    const known = members.get(id);
    members.set(id, {
      aadObjectId: id,
      displayName: known?.displayName ?? coach.displayName,
      lead: known?.lead ?? false,
      coach: profile,
    });
  }
  return [...members.values()];
}
