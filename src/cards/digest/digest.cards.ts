import { z } from 'zod';
import { renderWith } from '../render';
import digestTemplate from './weekly-digest.card.json';

export const weeklyDigestSchema = z.object({
  weekOf: z.string(),
  when: z.string(),
  blocks: z.array(z.object({ title: z.string(), lines: z.array(z.string()).min(1) })),
});
export type WeeklyDigestData = z.infer<typeof weeklyDigestSchema>;

export const renderWeeklyDigestCard = renderWith(digestTemplate, weeklyDigestSchema);
