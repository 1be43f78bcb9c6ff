import { randomUUID } from 'node:crypto';
import { EventEmitter, once } from 'node:events';
import WebSocket from 'ws';
import { z } from 'zod';
import { within } from './waiting';

const configSchema = z.object({
  config: z.object({
    tenantId: z.string(),
    bot: z.object({ id: z.string(), name: z.string() }),
    currentUser: z.object({ id: z.string(), name: z.string(), aadObjectId: z.string() }),
    personalChat: z.object({ id: z.string() }),
    teams: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        channels: z.array(z.object({ id: z.string(), name: z.string() })),
      }),
    ),
  }),
});

const frameSchema = z.object({
  action: z.string(),
  actionConversationId: z.string(),
  message: z
    .object({
      messageId: z.string(),
      from: z.object({ id: z.string() }),
      text: z.string().optional(),
      attachments: z.array(z.object({ contentType: z.string(), content: z.unknown() })).optional(),
    })
    .loose(),
});

/** The Playground's own log of each activity it sent the bot, with the bot's answer once it came. */
const logFrameSchema = z.object({
  logAction: z.string(),
  log: z
    .object({
      messageId: z.string().optional(),
      response: z.object({ statusCode: z.number() }).optional(),
    })
    .loose(),
});

/** Long enough for any turn on a busy machine: it only says which message never came. */
const MESSAGE_TIMEOUT_MS = 30_000;

export type PlaygroundMessage = z.infer<typeof frameSchema>['message'] & { conversationId: string };
export type PlaygroundConfig = z.infer<typeof configSchema>['config'];

/** The message's cards, as an activity for the card-reading helpers. */
export const asActivity = (message: PlaygroundMessage) => ({
  attachments: message.attachments ?? [],
});

/**
 * Drives the Agents Playground the way its web client does, over its HTTP API and its message
 * stream: a user sends messages and presses card buttons; the bot's replies arrive as frames.
 */
export class PlaygroundDriver {
  private readonly received: PlaygroundMessage[] = [];
  private readonly arrivals = new EventEmitter();
  private closed = false;
  private cursor = 0;

  private constructor(
    private readonly baseUrl: string,
    readonly config: PlaygroundConfig,
    private readonly socket: WebSocket,
  ) {
    socket.on('message', (data: WebSocket.RawData) => {
      const parsed = frameSchema.safeParse(JSON.parse(rawText(data)));
      if (
        parsed.success &&
        parsed.data.action === 'createMessage' &&
        parsed.data.message.from.id === config.bot.id
      ) {
        this.received.push({
          ...parsed.data.message,
          conversationId: parsed.data.actionConversationId,
        });
        this.arrivals.emit('message');
      }
    });
    socket.on('close', () => {
      this.closed = true;
      this.arrivals.emit('message');
    });
  }

  static async connect(baseUrl: string): Promise<PlaygroundDriver> {
    const config = configSchema.parse(
      await (await fetch(`${baseUrl}/_internal/v1/config`)).json(),
    ).config;
    const socket = new WebSocket(
      `${baseUrl.replace(/^http/, 'ws')}/_ws_conversation/v1/conversations/stream`,
    );
    // Listening before it opens: frames that come with the handshake are not missed.
    const driver = new PlaygroundDriver(baseUrl, config, socket);
    await within(once(socket, 'open'), MESSAGE_TIMEOUT_MS, "the Playground's message stream");
    // Messages the bot sent before anyone watched (install greetings) are sent to a client as
    // soon as it connects, before the Playground reads anything from it; so once our ping is
    // answered they have all arrived. Start reading after them.
    socket.ping();
    await within(once(socket, 'pong'), MESSAGE_TIMEOUT_MS, "the Playground's answer to a ping");
    driver.cursor = driver.received.length;
    return driver;
  }

  /** Send a message as the current user; in a channel, @mention the bot as Teams requires. */
  async say(
    conversationId: string,
    text: string,
    options: { mentionBot?: boolean } = {},
  ): Promise<void> {
    const at = `<at>${this.config.bot.name}</at>`;
    const body = options.mentionBot
      ? {
          from: { id: this.config.currentUser.id },
          text: `${at} ${text}`,
          textFormat: 'plain',
          mentions: [{ mentioned: this.config.bot, text: at }],
        }
      : { from: { id: this.config.currentUser.id }, text, textFormat: 'plain' };
    await postToPlayground(
      this.baseUrl,
      `/_conversation/v1/conversations/${encodeURIComponent(conversationId)}/messages`,
      body,
    );
  }

  /** Press an Action.Submit button on a card the bot sent. */
  async submit(card: PlaygroundMessage, value: Record<string, unknown>): Promise<void> {
    await postToPlayground(this.baseUrl, '/_conversation/v1/submit', {
      conversation: { id: card.conversationId },
      from: { id: this.config.currentUser.id },
      replyToId: card.messageId,
      value,
    });
  }

  /** The next bot message after the last one read, as soon as it arrives. */
  async nextBotMessage(timeoutMs = MESSAGE_TIMEOUT_MS): Promise<PlaygroundMessage> {
    await within(this.arrival(), timeoutMs, `bot message ${this.cursor + 1}`);
    const message = this.received[this.cursor];
    this.cursor += 1;
    if (!message) {
      throw new Error('message vanished');
    }
    return message;
  }

  private async arrival(): Promise<void> {
    while (this.received.length <= this.cursor) {
      if (this.closed) {
        throw new Error('the Playground closed its message stream');
      }
      await once(this.arrivals, 'message');
    }
  }

  /** Add the bot to a team, as installing the app in a team does (a conversationUpdate in its General channel). */
  async addBotToTeam(teamId: string): Promise<void> {
    await addBotToTeam(this.baseUrl, teamId);
  }

  /** The next `count` bot messages, in whatever order they arrive (replies and proactive posts can overtake each other). */
  async nextBotMessages(
    count: number,
    timeoutMs = MESSAGE_TIMEOUT_MS,
  ): Promise<PlaygroundMessage[]> {
    const messages: PlaygroundMessage[] = [];
    for (let i = 0; i < count; i += 1) {
      messages.push(await this.nextBotMessage(timeoutMs));
    }
    return messages;
  }

  close(): void {
    this.socket.close();
  }
}

/**
 * Asks the Playground to act as if the app had been added to the team (as an admin would in
 * Teams), and resolves once the bot has answered that event. The Playground answers the request
 * before it passes the event on, so the bot's answer is read from the Playground's own log.
 */
export async function addBotToTeam(baseUrl: string, teamId: string): Promise<void> {
  const template = (await (
    await fetch(
      `${baseUrl}/_internal/v1/customActivities/template?conversationId=${encodeURIComponent(teamId)}&type=botAdded`,
    )
  ).json()) as { id?: string };
  const activityId = template.id ?? randomUUID();
  const log = new WebSocket(`${baseUrl.replace(/^http/, 'ws')}/_ws/log/stream`);
  try {
    await within(once(log, 'open'), MESSAGE_TIMEOUT_MS, "the Playground's log stream");
    const answered = new Promise<number>((resolve) => {
      log.on('message', (data: WebSocket.RawData) => {
        const frame = logFrameSchema.safeParse(JSON.parse(rawText(data)));
        const { messageId, response } = frame.success ? frame.data.log : {};
        if (messageId === activityId && response) {
          resolve(response.statusCode);
        }
      });
    });
    await postToPlayground(baseUrl, '/_internal/v1/customActivities', {
      ...template,
      id: activityId,
    });
    const status = await within(answered, MESSAGE_TIMEOUT_MS, 'the bot to answer joining the team');
    if (status >= 400) {
      throw new Error(`the bot answered joining the team with ${status}`);
    }
  } finally {
    log.close();
  }
}

function rawText(data: WebSocket.RawData): string {
  return Array.isArray(data)
    ? Buffer.concat(data).toString('utf8')
    : data instanceof ArrayBuffer
      ? Buffer.from(new Uint8Array(data)).toString('utf8')
      : data.toString('utf8');
}

async function postToPlayground(baseUrl: string, path: string, body: unknown): Promise<void> {
  const response = await fetch(`${baseUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) {
    throw new Error(`Playground ${path} answered ${response.status}: ${await response.text()}`);
  }
}
