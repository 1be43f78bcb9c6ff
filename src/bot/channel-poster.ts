import type { CloudAdapter, ConversationParameters } from 'botbuilder';
import { parseRetryAfter } from '../domain/broadcast/retry-policy';
import type { ChannelTarget } from '../domain/broadcast/broadcast';
import type { ChannelPoster, PostOutcome } from '../jobs/ports';
import { ADAPTIVE_CARD_CONTENT_TYPE } from '../cards/render';

/** The Bot Framework's token audience for talking to channels (public cloud). */
const TO_CHANNEL_SCOPE = 'https://api.botframework.com';

interface ConnectorError {
  statusCode?: number;
  message?: string;
  response?: { headers?: { get?: (name: string) => string | undefined | null } };
}

/**
 * Posts a card as a new thread in a channel with `createConversationAsync`, which works with and
 * without an app id (TeamsInfo.sendMessageToTeamsChannel crashes on CloudAdapter without one).
 */
export class BotFrameworkChannelPoster implements ChannelPoster {
  constructor(
    private readonly adapter: CloudAdapter,
    private readonly appId: string,
  ) {}

  async post(
    target: ChannelTarget,
    tenantId: string,
    card: Record<string, unknown>,
  ): Promise<PostOutcome> {
    const parameters = {
      isGroup: true,
      channelData: { channel: { id: target.channelId }, tenant: { id: tenantId } },
      tenantId,
      activity: {
        type: 'message',
        attachments: [{ contentType: ADAPTIVE_CARD_CONTENT_TYPE, content: card }],
      },
    } as ConversationParameters;
    let messageId = '';
    try {
      await this.adapter.createConversationAsync(
        this.appId,
        'msteams',
        target.serviceUrl,
        TO_CHANNEL_SCOPE,
        parameters,
        async (context) => {
          messageId = context.activity.id ?? context.activity.conversation?.id ?? '';
          return Promise.resolve();
        },
      );
      return { kind: 'sent', messageId };
    } catch (error) {
      const failure = error as ConnectorError;
      const retryAfter = failure.response?.headers?.get?.('retry-after');
      const retryAfterMs = parseRetryAfter(retryAfter ?? undefined, Date.now());
      return {
        kind: 'failed',
        ...(typeof failure.statusCode === 'number' ? { status: failure.statusCode } : {}),
        ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
        message: failure.message ?? 'unknown error',
      };
    }
  }
}
