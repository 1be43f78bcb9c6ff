import { z } from 'zod';
import template from './welcome.card.json';
import { renderWith } from '../render';

export const welcomeCardSchema = z.object({
  pcnName: z.string(),
  /** True in a channel or group chat, where people must @mention the bot. */
  shared: z.boolean(),
  conversationLabel: z.string(),
  botName: z.string(),
  coach: z.boolean(),
  lead: z.boolean(),
});
export type WelcomeCardData = z.infer<typeof welcomeCardSchema>;

export const renderWelcomeCard = renderWith(template, welcomeCardSchema);
