import { z } from 'zod';
import { AUDIENCES, ROLE_CARDS } from '../../cards/roles/role-content';
import { channelTargetSchema } from '../../domain/broadcast/broadcast';

export const broadcastDraftSchema = z.object({
  cards: z.array(z.enum(ROLE_CARDS)),
  audience: z.enum(AUDIENCES),
  targets: z.array(channelTargetSchema),
  startLocal: z.object({ date: z.string(), time: z.string() }).optional(),
  repeatWeeks: z.number().int(),
});

/** What the channel-post dialog starts with when a lead changes a post not yet gone. */
export const changeOptionsSchema = z.object({
  /** The job the new post replaces. */
  replacing: z.string().min(1),
  draft: broadcastDraftSchema,
});
export type ChangeOptions = z.infer<typeof changeOptionsSchema>;
