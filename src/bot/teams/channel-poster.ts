import {
  AppCredentials,
  AuthenticationConstants,
  ClaimsIdentity,
  type BotFrameworkAuthentication,
  type ServiceClientCredentials,
} from 'botframework-connector';
import type { ChannelTarget } from '../../domain/broadcast/broadcast';
import { parseRetryAfter } from '../../domain/broadcast/retry-policy';
import type { ChannelPoster, PostOutcome } from '../../jobs/ports';
import { ADAPTIVE_CARD_CONTENT_TYPE } from '../../cards/render';

/** The Bot Framework's token audience for talking to channels (public cloud). */
const TO_CHANNEL_SCOPE = 'https://api.botframework.com';

/** The Connector API's "create conversation" address under a service URL. */
export function conversationsUrl(serviceUrl: string): string {
  return new URL('v3/conversations', serviceUrl.endsWith('/') ? serviceUrl : `${serviceUrl}/`).href;
}

/**
 * Posts a card as a new thread in a channel: one POST to the Connector API's
 * /v3/conversations, exactly one attempt per call. botbuilder's connector client retries 429s
 * and 5xx itself (honouring Retry-After, outside the rate gate, three times), so every retry
 * would be a send the gate never counted; here a failure comes straight back to the sender,
 * which retries through the gate. The token is botbuilder's, from the same credentials
 * `createConversationAsync` would use (none when the bot runs without an app id).
 */
export class BotFrameworkChannelPoster implements ChannelPoster {
  private readonly credentials = new Map<string, Promise<ServiceClientCredentials>>();

  constructor(
    private readonly authentication: BotFrameworkAuthentication,
    private readonly appId: string,
    private readonly timeoutMs = 30_000,
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
    };
    try {
      const response = await fetch(conversationsUrl(target.serviceUrl), {
        method: 'POST',
        headers: {
          'content-type': 'application/json; charset=utf-8',
          accept: 'application/json',
          ...(await this.authorization(target.serviceUrl)),
        },
        body: JSON.stringify(parameters),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      const text = await response.text();
      if (!response.ok) {
        const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'), Date.now());
        return {
          kind: 'failed',
          status: response.status,
          ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
          message: `Teams answered HTTP ${response.status}`,
        };
      }
      return { kind: 'sent', messageId: createdId(text) };
    } catch (error) {
      return {
        kind: 'failed',
        message: `no answer from Teams (${error instanceof Error ? error.name : typeof error})`,
      };
    }
  }

  private async authorization(serviceUrl: string): Promise<Record<string, string>> {
    if (!this.appId) {
      return {};
    }
    const credentials = await this.credentialsFor(serviceUrl);
    return credentials instanceof AppCredentials
      ? { authorization: `Bearer ${await credentials.getToken()}` }
      : {};
  }

  /** botbuilder's credentials for this service URL, made once; they keep their token fresh. */
  private credentialsFor(serviceUrl: string): Promise<ServiceClientCredentials> {
    const known = this.credentials.get(serviceUrl);
    if (known) {
      return known;
    }
    const identity = new ClaimsIdentity(
      [
        { type: AuthenticationConstants.AudienceClaim, value: this.appId },
        { type: AuthenticationConstants.AppIdClaim, value: this.appId },
        { type: AuthenticationConstants.ServiceUrlClaim, value: serviceUrl },
      ],
      true,
    );
    const made = this.authentication
      .createConnectorFactory(identity)
      .create(serviceUrl, TO_CHANNEL_SCOPE)
      .then((client) => client.credentials);
    made.catch(() => this.credentials.delete(serviceUrl));
    this.credentials.set(serviceUrl, made);
    return made;
  }
}

/** The new thread's id from Teams' 201 answer (the conversation id, else the activity id). */
function createdId(body: string): string {
  try {
    const parsed = JSON.parse(body) as { id?: unknown; activityId?: unknown };
    if (typeof parsed.id === 'string') {
      return parsed.id;
    }
    return typeof parsed.activityId === 'string' ? parsed.activityId : '';
  } catch {
    return '';
  }
}
