import type { CloudAdapter, ConversationParameters } from 'botbuilder';
import { connectorFailure } from './connector-failure';
import type { ChannelTarget } from '../../domain/broadcast/broadcast';
import type { ChannelPoster, PostOutcome } from '../../jobs/ports';
import { ADAPTIVE_CARD_CONTENT_TYPE } from '../../cards/render';

/** The Bot Framework's token audience for talking to channels (public cloud). */
const TO_CHANNEL_SCOPE = 'https://api.botframework.com';

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
      return { kind: 'failed', ...connectorFailure(error) };
    }
  }
}
