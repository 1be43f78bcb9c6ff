import WebSocket from 'ws';
import { z } from 'zod';

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

export type PlaygroundMessage = z.infer<typeof frameSchema>['message'] & { conversationId: string };
export type PlaygroundConfig = z.infer<typeof configSchema>['config'];

/**
 * Drives the Agents Playground the way its web client does, over its HTTP API and its message
 * stream: a user sends messages and presses card buttons; the bot's replies arrive as frames.
 */
export class PlaygroundDriver {
  private readonly received: PlaygroundMessage[] = [];
  private cursor = 0;

  private constructor(
    private readonly baseUrl: string,
    readonly config: PlaygroundConfig,
    private readonly socket: WebSocket,
  ) {
    socket.on('message', (data: WebSocket.RawData) => {
      const text = Array.isArray(data)
        ? Buffer.concat(data).toString('utf8')
        : data instanceof ArrayBuffer
          ? Buffer.from(new Uint8Array(data)).toString('utf8')
          : data.toString('utf8');
      const parsed = frameSchema.safeParse(JSON.parse(text));
      if (
        parsed.success &&
        parsed.data.action === 'createMessage' &&
        parsed.data.message.from.id === config.bot.id
      ) {
        this.received.push({
          ...parsed.data.message,
          conversationId: parsed.data.actionConversationId,
        });
      }
    });
  }

  static async connect(baseUrl: string): Promise<PlaygroundDriver> {
    const config = configSchema.parse(
      await (await fetch(`${baseUrl}/_internal/v1/config`)).json(),
    ).config;
    const socket = new WebSocket(
      `${baseUrl.replace(/^http/, 'ws')}/_ws_conversation/v1/conversations/stream`,
    );
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
    });
    const driver = new PlaygroundDriver(baseUrl, config, socket);
    // Let buffered frames (install greetings) arrive, then start reading from here.
    await new Promise((resolve) => setTimeout(resolve, 300));
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

  /** The next bot message after the last one read, waiting for it to arrive. */
  async nextBotMessage(timeoutMs = 15_000): Promise<PlaygroundMessage> {
    const started = Date.now();
    while (this.received.length <= this.cursor) {
      if (Date.now() - started > timeoutMs) {
        throw new Error(`no bot message within ${timeoutMs} ms`);
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const message = this.received[this.cursor];
    this.cursor += 1;
    if (!message) {
      throw new Error('message vanished');
    }
    return message;
  }

  /** Add the bot to a team, as installing the app in a team does (a conversationUpdate in its General channel). */
  async addBotToTeam(teamId: string): Promise<void> {
    await addBotToTeam(this.baseUrl, teamId);
  }

  /** The next `count` bot messages, in whatever order they arrive (replies and proactive posts can overtake each other). */
  async nextBotMessages(count: number, timeoutMs = 15_000): Promise<PlaygroundMessage[]> {
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

/** Asks the Playground to act as if the app had been added to the team (as an admin would in Teams). */
export async function addBotToTeam(baseUrl: string, teamId: string): Promise<void> {
  const template = await fetch(
    `${baseUrl}/_internal/v1/customActivities/template?conversationId=${encodeURIComponent(teamId)}&type=botAdded`,
  );
  await postToPlayground(baseUrl, '/_internal/v1/customActivities', await template.json());
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
