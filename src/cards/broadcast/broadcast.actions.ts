import { z } from 'zod';
import type { FieldRules } from '../card-fields';

/** What the broadcast cards' buttons send back, keyed on `verb`. */
export const broadcastActionSchemas = [
  z.object({ verb: z.literal('broadcast.start') }),
  z.object({
    verb: z.literal('broadcast.preview'),
    cards: z.string().max(500).optional(),
    audience: z.string().max(40).optional(),
    channels: z.string().max(20_000).optional(),
    when: z.enum(['now', 'later']).optional(),
    date: z.string().max(20).optional(),
    time: z.string().max(10).optional(),
    repeat: z.union([z.string().max(4), z.number()]).optional(),
  }),
  z.object({ verb: z.literal('broadcast.confirm'), draftId: z.string().min(1).max(100) }),
  z.object({ verb: z.literal('broadcast.edit') }),
  z.object({ verb: z.literal('broadcast.discard') }),
  z.object({ verb: z.literal('broadcast.status'), jobId: z.string().min(1).max(100) }),
  z.object({ verb: z.literal('broadcast.cancel'), jobId: z.string().min(1).max(100) }),
  z.object({
    verb: z.literal('broadcast.cancel-confirmed'),
    jobId: z.string().min(1).max(100),
  }),
  z.object({ verb: z.literal('broadcast.keep'), jobId: z.string().min(1).max(100) }),
  z.object({ verb: z.literal('broadcast.retry'), jobId: z.string().min(1).max(100) }),
  z.object({
    verb: z.literal('broadcast.skip'),
    jobId: z.string().min(1).max(100),
    occurrence: z.string().regex(/^\d{1,2}$/),
  }),
  z.object({ verb: z.literal('broadcast.change'), jobId: z.string().min(1).max(100) }),
] as const;

export type BroadcastAction = z.infer<(typeof broadcastActionSchemas)[number]>;

export const broadcastFieldRules: FieldRules = {
  cards: { policy: 'choice' },
  channels: { policy: 'choice' },
  when: { policy: 'choice' },
  occurrence: { policy: 'choice' },
  date: { label: 'Date' },
  time: { label: 'Time' },
};
