import type { Reply } from './feature-turn';

/**
 * One person's 1:1 chat with the bot, for what must not be said in a channel. Implemented on
 * Teams in src/bot/teams; throws when Teams refuses (the person does not have the app).
 */
export interface PersonalChat {
  send(
    tenantId: string,
    aadObjectId: string,
    messages: ReadonlyArray<Exclude<Reply, string> | { text: string }>,
  ): Promise<'sent' | 'unreachable'>;
}
