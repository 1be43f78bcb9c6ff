import type { CardAttachment } from '../../cards/render';
import type { PersonalChat } from '../../dialogs/personal-chat';
import type { ReminderResult } from '../../jobs/ports';
import { connectorFailure, isTransient, type ConnectorFailure } from './connector-failure';

/** When Teams is throttling or failing without saying how long to wait. */
const DEFAULT_RETRY_MS = 60_000;

/**
 * Sends one card to a person's 1:1 chat with the bot (opening it if need be) and says how it
 * went, as the jobs' ports expect: sent; unreachable (no chat, or Teams refused for good); or
 * retry after Teams' Retry-After (a minute when it names none) for throttling and failures that
 * pass. `onFailure` hears of a failed call, for the caller's log.
 */
export async function sendPersonalCard(
  chat: PersonalChat,
  tenantId: string,
  userId: string,
  card: CardAttachment,
  onFailure: (failure: ConnectorFailure) => void = () => undefined,
): Promise<ReminderResult> {
  try {
    const sent = await chat.send(tenantId, userId, [{ attachments: [card] }]);
    return sent === 'unreachable'
      ? { kind: 'unreachable', reason: 'no conversation known in the tenant' }
      : { kind: 'sent' };
  } catch (error) {
    const failure = connectorFailure(error);
    onFailure(failure);
    return isTransient(failure)
      ? {
          kind: 'retry',
          afterMs: failure.retryAfterMs ?? DEFAULT_RETRY_MS,
          reason: failure.message,
        }
      : { kind: 'unreachable', reason: failure.message };
  }
}
