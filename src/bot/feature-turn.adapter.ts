import { TurnContext } from 'botbuilder';
import type {
  Caller,
  ChannelOrigin,
  ConversationMember,
  FeatureTurn,
  MentionedPerson,
} from '../dialogs/feature-turn';
import type { DialogRunner } from '../dialogs/dialog-runner';
import { conversationKind, tenantOf } from './conversation-capture';

interface TeamsChannelData {
  team?: { id?: string; name?: string };
  channel?: { id?: string; name?: string };
}

/** Who sent this activity, read once, for every feature. */
export function callerOf(context: TurnContext): Caller {
  const { activity } = context;
  const kind = conversationKind(activity);
  const channelData = activity.channelData as TeamsChannelData | undefined;
  const channelId = channelData?.channel?.id ?? activity.conversation.id.split(';')[0];
  const teamId = channelData?.team?.id;
  const channel: ChannelOrigin | undefined =
    kind === 'channel' && channelId && teamId
      ? {
          teamId,
          teamName: channelData.team?.name ?? 'Team',
          channelId,
          channelName: channelData.channel?.name ?? 'General',
          serviceUrl: activity.serviceUrl,
        }
      : undefined;
  return {
    accountId: activity.from.aadObjectId ?? activity.from.id,
    userId: (activity.from.aadObjectId ?? '').toLowerCase(),
    name: activity.from.name ?? '',
    tenantId: tenantOf(activity) ?? '',
    conversationKind: kind,
    ...(channel ? { channel } : {}),
  };
}

const ENTRA_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The people @mentioned, other than the bot. Teams names a user by their Entra object id, in
 * `mentioned.aadObjectId` or as `mentioned.id` itself; a mention with neither (a tag, a channel,
 * a 29: id alone) is left out, since nothing else would identify the person.
 */
export function mentionedPeople(context: TurnContext): MentionedPerson[] {
  const botId = context.activity.recipient?.id;
  const people = new Map<string, MentionedPerson>();
  for (const mention of TurnContext.getMentions(context.activity)) {
    const account = mention.mentioned as
      { id?: string; name?: string; aadObjectId?: string } | undefined;
    if (!account || account.id === botId) {
      continue;
    }
    const id = [account.aadObjectId, account.id].find((v) => v !== undefined && ENTRA_ID.test(v));
    if (id !== undefined) {
      const aadObjectId = id.toLowerCase();
      people.set(aadObjectId, { aadObjectId, name: (account.name ?? '').trim() || 'Someone' });
    }
  }
  return [...people.values()];
}

/** Who is in the conversation of a turn: Teams' member list, or a fake in tests. */
export type MemberLister = (context: TurnContext) => Promise<ConversationMember[]>;

/** The turn as features see it, over botbuilder's TurnContext. */
export function featureTurn(
  context: TurnContext,
  runner: DialogRunner,
  members?: MemberLister,
): FeatureTurn {
  const { activity } = context;
  return {
    caller: callerOf(context),
    activityKey: `${activity.conversation.id}|${activity.replyToId ?? ''}|${activity.id ?? ''}`,
    send: async (reply) => {
      await context.sendActivity(reply);
    },
    updateCard: async (reply) => {
      const id = activity.replyToId;
      if (!id || activity.value === undefined) {
        return false;
      }
      try {
        await context.updateActivity({ type: 'message', id, attachments: reply.attachments });
        return true;
      } catch {
        // Teams may refuse (an old message, another app's card): the reply already says it all.
        return false;
      }
    },
    mentions:
      activity.value === undefined || activity.value === null ? mentionedPeople(context) : [],
    startDialog: (dialogId, options) => runner.start(context, dialogId, options),
    ...(members ? { listMembers: () => members(context) } : {}),
  };
}
