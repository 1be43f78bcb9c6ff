import type { TurnContext } from 'botbuilder';
import type { Caller, ChannelOrigin, FeatureTurn } from '../dialogs/feature-turn';
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

/** The turn as features see it, over botbuilder's TurnContext. */
export function featureTurn(context: TurnContext, runner: DialogRunner): FeatureTurn {
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
    startDialog: (dialogId, options) => runner.start(context, dialogId, options),
  };
}
