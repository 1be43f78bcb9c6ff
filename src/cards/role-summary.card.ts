import { z } from 'zod';
import template from './role-summary.card.json';
import { expandCard, toAttachment, type CardAttachment } from './render';

export const roleSummaryCardSchema = z.object({ pcnName: z.string(), howToRefer: z.string() });
export type RoleSummaryCardData = z.infer<typeof roleSummaryCardSchema>;

export function renderRoleSummaryCard(data: RoleSummaryCardData): CardAttachment {
  return toAttachment(expandCard(template, roleSummaryCardSchema.parse(data)));
}
