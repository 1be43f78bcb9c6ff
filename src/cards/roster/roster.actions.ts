import { z } from 'zod';
import type { FieldRules } from '../card-fields';

/** An Entra object id: nothing else names a person on the roster. */
const memberId = z
  .string()
  .regex(/^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/);
const etag = z.string().min(1).max(100);

/** What the team cards' buttons send back, keyed on `verb`. */
export const rosterActionSchemas = [
  z.object({ verb: z.literal('roster.show') }),
  z.object({ verb: z.literal('roster.edit'), memberId }),
  z.object({
    verb: z.literal('roster.save'),
    memberId,
    etag,
    lead: z.enum(['true', 'false']).optional(),
    coach: z.enum(['true', 'false']).optional(),
    practices: z.string().max(400).optional(),
    modes: z.string().max(100).optional(),
    formats: z.string().max(100).optional(),
    about: z.string().max(400).optional(),
    training: z.string().max(20).optional(),
    completedOn: z.string().max(20).optional(),
    startedInPost: z.string().max(20).optional(),
    takingReferrals: z.string().max(20).optional(),
  }),
  z.object({ verb: z.literal('roster.remove-ask'), memberId }),
  /** From the chooser of the conversation's members. */
  z.object({
    verb: z.literal('roster.add'),
    memberId: z.union([memberId, z.literal('')]).optional(),
    role: z.enum(['coach', 'lead']).optional(),
  }),
  z.object({ verb: z.literal('roster.remove'), memberId, etag }),
] as const;

export type RosterAction = z.infer<(typeof rosterActionSchemas)[number]>;

/** "About" is the coach's own words, shown to referrers: free text, so fully guarded. */
export const rosterFieldRules: FieldRules = {
  memberId: { policy: 'choice' },
  etag: { policy: 'choice' },
  lead: { policy: 'choice' },
  coach: { policy: 'choice' },
  practices: { policy: 'choice' },
  modes: { policy: 'choice' },
  formats: { policy: 'choice' },
  about: { label: 'About' },
  training: { policy: 'choice' },
  completedOn: { label: 'Course completed on' },
  startedInPost: { label: 'Started in post' },
  takingReferrals: { policy: 'choice' },
  role: { policy: 'choice' },
};
