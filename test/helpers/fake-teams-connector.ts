import { EventEmitter, once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  earliestSlot,
  TEAMS_TENANT_LIMITS,
  TEAMS_THREAD_LIMITS,
  type RateWindow,
} from '../../src/domain/broadcast/rate-limits';

export interface ReceivedPost {
  channelId: string;
  tenantId: string;
  at: number;
  /** The first TextBlock of the card: enough to tell cards apart. */
  title: string;
  card: unknown;
}

interface Fault {
  status: number;
  retryAfter?: string;
  remaining: number;
}

export interface ReceivedMessage {
  conversationId: string;
  card: unknown;
}

/**
 * A stand-in for the Teams connector (Teams itself cannot run here) that keeps Teams' contract
 * for creating channel threads: POST /v3/conversations answers 201 with the new thread's id, and
 * answers 429 with Retry-After when a bot goes over the per-thread or per-tenant limits. It also
 * opens 1:1 chats (isGroup false, one member) only for users who have the app, as Teams does
 * (403 otherwise), and takes messages into a conversation (POST /v3/conversations/{id}/activities).
 */
export class FakeTeamsConnector {
  readonly posts: ReceivedPost[] = [];
  /** 429s given because the caller broke a limit (not injected ones). */
  limitViolations = 0;
  /** Every channel-post request received, whatever it was answered with. */
  requests = 0;
  /** When the first channel-post request arrived (ms). */
  firstRequestAt: number | undefined;
  /** Channel-post requests answered with an injected failure (failNext or throttleRandomly). */
  injectedFailures = 0;
  private readonly requestsByChannel = new Map<string, number>();
  private randomThrottle: { fraction: number; random: () => number } | undefined;
  private readonly accepted = new Map<string, number[]>();
  private readonly faults = new Map<string, Fault>();
  private readonly removed = new Set<string>();
  private readonly usersWithApp = new Set<string>();
  /** 1:1 chats opened, by the member's id. */
  readonly personalChats = new Map<string, string>();
  readonly messages: ReceivedMessage[] = [];
  /** Messages into conversations that were answered with an injected failure. */
  refusedMessages = 0;
  private messageFault: Fault | undefined;
  private server: Server | undefined;
  private counter = 0;
  private readonly events = new EventEmitter();
  url = '';

  constructor(
    private readonly threadLimits: readonly RateWindow[] = TEAMS_THREAD_LIMITS,
    private readonly tenantLimits: readonly RateWindow[] = TEAMS_TENANT_LIMITS,
  ) {}

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      void this.handle(req, res);
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/`;
    return this;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => {
      this.server?.closeAllConnections();
      this.server?.close(() => resolve());
    });
  }

  /** Answer the next `count` posts to this channel with `status` (and Retry-After, if given). */
  failNext(channelId: string, status: number, count: number, retryAfter?: string): void {
    this.faults.set(channelId, {
      status,
      remaining: count,
      ...(retryAfter === undefined ? {} : { retryAfter }),
    });
  }

  /**
   * Answer this fraction of channel posts (chosen by `random`) with 429 and Retry-After: 1, as
   * Teams does when it throttles for reasons the bot cannot see. Such posts are not accepted and
   * do not count towards the limits here.
   */
  throttleRandomly(fraction: number, random: () => number): void {
    this.randomThrottle = { fraction, random };
  }

  /** How many channel-post requests arrived for this channel, whatever they were answered with. */
  requestsTo(channelId: string): number {
    return this.requestsByChannel.get(channelId) ?? 0;
  }

  /** Behave as if the app was removed from this channel's team: 403 for ever. */
  removeApp(channelId: string): void {
    this.removed.add(channelId);
  }

  /** Answer the next `count` messages into conversations with `status` (and Retry-After, if given). */
  failNextMessages(status: number, count: number, retryAfter?: string): void {
    this.messageFault = {
      status,
      remaining: count,
      ...(retryAfter === undefined ? {} : { retryAfter }),
    };
  }

  /** The user has installed the app in personal scope, so a bot may open a 1:1 chat with them. */
  installFor(userId: string): void {
    this.usersWithApp.add(userId);
  }

  postsTo(channelId: string): ReceivedPost[] {
    return this.posts.filter((p) => p.channelId === channelId);
  }

  /** Resolves as soon as `count` posts (matching `which`, if given) have been accepted. */
  async postsArrived(
    count: number,
    which: (post: ReceivedPost) => boolean = () => true,
  ): Promise<void> {
    while (this.posts.filter(which).length < count) {
      await once(this.events, 'post');
    }
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await new Promise<string>((resolve) => {
      let data = '';
      req.on('data', (chunk: Buffer) => (data += chunk.toString('utf8')));
      req.on('end', () => resolve(data));
    });
    if (req.method !== 'POST' || !req.url?.startsWith('/v3/conversations')) {
      this.reply(res, 404, {
        error: { code: 'NotFound', message: `${req.method ?? ''} ${req.url ?? ''}` },
      });
      return;
    }
    const parsed = JSON.parse(body) as {
      channelData?: { channel?: { id?: string }; tenant?: { id?: string } };
      tenantId?: string;
      isGroup?: boolean;
      members?: Array<{ id?: string }>;
      activity?: { attachments?: Array<{ content?: { body?: Array<{ text?: string }> } }> };
      attachments?: Array<{ content?: unknown }>;
    };
    const intoConversation = /^\/v3\/conversations\/([^/]+)\/activities/.exec(req.url);
    if (intoConversation) {
      if (this.answeredWithFault(res, this.messageFault)) {
        this.refusedMessages += 1;
        return;
      }
      const conversationId = decodeURIComponent(intoConversation[1] ?? '');
      this.messages.push({ conversationId, card: parsed.attachments?.[0]?.content });
      this.reply(res, 201, { id: `m${this.messages.length}` });
      return;
    }
    if (parsed.isGroup === false) {
      this.openPersonalChat(res, parsed.members?.[0]?.id ?? '');
      return;
    }
    const channelId = parsed.channelData?.channel?.id ?? '';
    const tenantId = parsed.tenantId ?? parsed.channelData?.tenant?.id ?? '';
    const now = Date.now();
    this.requests += 1;
    this.firstRequestAt ??= now;
    this.requestsByChannel.set(channelId, this.requestsTo(channelId) + 1);

    if (this.removed.has(channelId)) {
      this.reply(res, 403, {
        error: {
          code: 'BotNotInConversationRoster',
          message: 'The bot is not part of the conversation roster.',
        },
      });
      return;
    }
    if (this.answeredWithFault(res, this.faults.get(channelId))) {
      this.injectedFailures += 1;
      return;
    }
    if (this.randomThrottle && this.randomThrottle.random() < this.randomThrottle.fraction) {
      this.injectedFailures += 1;
      this.reply(res, 429, { error: { code: 'TooManyRequests', message: 'injected' } }, '1');
      return;
    }
    const threadKey = `thread:${channelId}`;
    const tenantKey = `tenant:${tenantId}`;
    const over =
      earliestSlot(this.accepted.get(threadKey) ?? [], this.threadLimits, now) > now ||
      earliestSlot(this.accepted.get(tenantKey) ?? [], this.tenantLimits, now) > now;
    if (over) {
      this.limitViolations += 1;
      this.reply(
        res,
        429,
        { error: { code: 'TooManyRequests', message: 'Too many requests' } },
        '1',
      );
      return;
    }
    for (const key of [threadKey, tenantKey]) {
      this.accepted.set(key, [...(this.accepted.get(key) ?? []), now]);
    }
    this.counter += 1;
    const card = parsed.activity?.attachments?.[0]?.content;
    this.posts.push({ channelId, tenantId, at: now, title: card?.body?.[0]?.text ?? '', card });
    this.events.emit('post');
    this.reply(res, 201, {
      id: `${channelId};messageid=${this.counter}`,
      activityId: String(this.counter),
    });
  }

  /** Answers with the injected failure, if one is pending. */
  private answeredWithFault(res: ServerResponse, fault: Fault | undefined): boolean {
    if (!fault || fault.remaining <= 0) {
      return false;
    }
    fault.remaining -= 1;
    this.reply(
      res,
      fault.status,
      { error: { code: 'Injected', message: `injected ${fault.status}` } },
      fault.retryAfter,
    );
    return true;
  }

  private openPersonalChat(res: ServerResponse, userId: string): void {
    if (!this.usersWithApp.has(userId)) {
      this.reply(res, 403, {
        error: {
          code: 'Forbidden',
          message: "The bot is not installed in the user's personal scope.",
        },
      });
      return;
    }
    const id = this.personalChats.get(userId) ?? `a:personal-${this.personalChats.size + 1}`;
    this.personalChats.set(userId, id);
    this.reply(res, 201, { id });
  }

  private reply(res: ServerResponse, status: number, body: unknown, retryAfter?: string): void {
    res.writeHead(status, {
      'content-type': 'application/json',
      ...(retryAfter ? { 'retry-after': retryAfter } : {}),
    });
    res.end(JSON.stringify(body));
  }
}
