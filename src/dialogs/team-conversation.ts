import type { Reply } from './feature-turn';

/**
 * Posts into one Teams conversation the bot is in (a team's channel), through the reference kept
 * when the bot joined it. Implemented on Teams in src/bot/teams; 'unreachable' when the bot is
 * not (or no longer) there, and throws when Teams refuses.
 */
export interface TeamConversation {
  send(
    tenantId: string,
    conversationId: string,
    messages: ReadonlyArray<Exclude<Reply, string>>,
  ): Promise<'sent' | 'unreachable'>;
}
