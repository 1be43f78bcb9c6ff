import { z } from 'zod';

/** Whether one person wants the weekly digest. No record means yes: the digest is on by default. */
export const digestPreferenceSchema = z.object({
  tenantId: z.string().min(1),
  /** Entra object id, lower case. */
  userId: z.string().min(1),
  enabled: z.boolean(),
  updatedAt: z.iso.datetime(),
});
export type DigestPreference = z.infer<typeof digestPreferenceSchema>;

/** The marker that one person's digest for one ISO week has been claimed (and so sent once). */
export const digestSentSchema = z.object({
  tenantId: z.string().min(1),
  userId: z.string().min(1),
  /** ISO week in London time, e.g. 2026-W49. */
  week: z.string().regex(/^\d{4}-W\d{2}$/),
  claimedAt: z.iso.datetime(),
});
export type DigestSent = z.infer<typeof digestSentSchema>;
