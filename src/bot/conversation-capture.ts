import { TurnContext, type Activity } from 'botbuilder';
import type { ConversationKind, StoredConversation } from '../domain/conversation';

interface TeamsChannelData {
  tenant?: { id?: string };
  team?: { id?: string; name?: string };
  channel?: { id?: string; name?: string };
}

export function conversationKind(activity: Partial<Activity>): ConversationKind {
  const type = activity.conversation?.conversationType;
  if (type === 'channel' || type === 'groupChat') {
    return type;
  }
  return activity.conversation?.isGroup ? 'groupChat' : 'personal';
}

export function tenantOf(activity: Partial<Activity>): string | undefined {
  const channelData = activity.channelData as TeamsChannelData | undefined;
  return activity.conversation?.tenantId ?? channelData?.tenant?.id;
}

/**
 * The reference to keep for this conversation. For a channel it is the channel itself, not the
 * reply thread the message came in, so later posts start new threads in that channel.
 */
export function captureConversation(
  activity: Activity,
  at: string,
): StoredConversation | undefined {
  const tenantId = tenantOf(activity);
  if (!tenantId || !activity.serviceUrl || !activity.conversation?.id) {
    return undefined;
  }
  const kind = conversationKind(activity);
  const channelData = activity.channelData as TeamsChannelData | undefined;
  const reference = TurnContext.getConversationReference(activity);
  const conversationId =
    kind === 'channel'
      ? (channelData?.channel?.id ??
        activity.conversation.id.split(';')[0] ??
        activity.conversation.id)
      : activity.conversation.id;
  const storedReference = {
    ...reference,
    conversation: { ...reference.conversation, id: conversationId },
    activityId: undefined,
  };
  return {
    tenantId,
    conversationId,
    kind,
    serviceUrl: activity.serviceUrl,
    ...(kind === 'personal' && activity.from?.aadObjectId
      ? { userAadObjectId: activity.from.aadObjectId }
      : {}),
    ...(channelData?.team?.id ? { teamId: channelData.team.id } : {}),
    ...(channelData?.team?.name ? { teamName: channelData.team.name } : {}),
    ...(kind === 'channel' ? { channelId: conversationId } : {}),
    ...(channelData?.channel?.name ? { channelName: channelData.channel.name } : {}),
    active: true,
    updatedAt: at,
    reference: JSON.parse(JSON.stringify(storedReference)) as Record<string, unknown>,
  };
}
