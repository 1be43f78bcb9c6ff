import type { CardAttachment } from '../../src/cards/render';
import type { Caller, FeatureTurn, Reply } from '../../src/dialogs/feature-turn';
import type { ConversationKind } from '../../src/domain/conversation';
import { COACH, GP, LEAD, type Person } from './people';

/** The tenant of the example PCN's people in these tests. */
export const TENANT = 'aaaaaaaa-0000-0000-0000-000000000001';

/** A turn that keeps what the feature did: its replies, in order, and the dialogs it started. */
export interface RecordedTurn extends FeatureTurn {
  readonly replies: Reply[];
  readonly dialogs: string[];
  /** The options each dialog was started with (undefined when none). */
  readonly dialogOptions: Array<object | undefined>;
  /** The plain-text replies, in order. */
  texts(): string[];
  /** The content of every card sent, in order. */
  cards(): Array<Record<string, unknown>>;
}

export function recordedTurn(
  caller: Caller,
  activityKey = `${caller.accountId}|activity-1`,
): RecordedTurn {
  const replies: Reply[] = [];
  const dialogs: string[] = [];
  const dialogOptions: Array<object | undefined> = [];
  return {
    caller,
    activityKey,
    replies,
    dialogs,
    dialogOptions,
    send: (reply) => {
      replies.push(reply);
      return Promise.resolve();
    },
    startDialog: (dialogId, options) => {
      dialogs.push(dialogId);
      dialogOptions.push(options);
      return Promise.resolve();
    },
    texts: () => replies.filter((r): r is string => typeof r === 'string'),
    cards: () =>
      replies.flatMap((r) =>
        typeof r === 'string' ? [] : r.attachments.map((a: CardAttachment) => a.content),
      ),
  };
}

/** The first card the feature sends when `act` runs on a new turn from `caller`. */
export async function cardSent(
  caller: Caller,
  act: (turn: RecordedTurn) => Promise<void>,
): Promise<Record<string, unknown> | undefined> {
  const turn = recordedTurn(caller);
  await act(turn);
  return turn.cards()[0];
}

export interface CallerOptions {
  conversationKind?: ConversationKind;
  tenantId?: string;
}

/** The caller as the edge reads it from an activity sent by this person. */
export function callerAs(person: Person, options: CallerOptions = {}): Caller {
  const kind = options.conversationKind ?? 'personal';
  return {
    accountId: person.aadObjectId,
    userId: person.aadObjectId.toLowerCase(),
    name: person.name,
    tenantId: options.tenantId ?? TENANT,
    conversationKind: kind,
    ...(kind === 'channel'
      ? {
          channel: {
            teamId: '19:team@thread.tacv2',
            teamName: 'Riverside PCN',
            channelId: '19:general@thread.tacv2',
            channelName: 'General',
            serviceUrl: 'https://smba.example.test/uk/',
          },
        }
      : {}),
  };
}

/** A coach in the example PCN file. */
export const asCoach = (options?: CallerOptions): Caller => callerAs(COACH, options);
/** The lead in the example PCN file. */
export const asLead = (options?: CallerOptions): Caller => callerAs(LEAD, options);
/** Practice staff: in the tenant, not in the PCN file. */
export const asReferrer = (options?: CallerOptions): Caller => callerAs(GP, options);
