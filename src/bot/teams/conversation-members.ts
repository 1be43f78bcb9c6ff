import { TeamsInfo, type TurnContext } from 'botbuilder';
import type { ConversationMember } from '../../dialogs/feature-turn';
import { conversationKind } from '../conversation-capture';

/** At most this many people are offered on a chooser card; a larger team is @mentioned instead. */
export const MAX_MEMBERS = 500;

/**
 * The members of the team or group chat the turn came from, from Teams' paged member list (one
 * page of up to 500 at a time). None in a 1:1 chat. People with no Entra object id (guests from
 * outside the tenant without one) are left out.
 */
export async function teamsConversationMembers(
  context: TurnContext,
): Promise<ConversationMember[]> {
  if (conversationKind(context.activity) === 'personal') {
    return [];
  }
  const members: ConversationMember[] = [];
  let continuationToken: string | undefined;
  do {
    const page = await TeamsInfo.getPagedMembers(context, 500, continuationToken);
    for (const member of page.members) {
      if (member.aadObjectId) {
        members.push({ aadObjectId: member.aadObjectId.toLowerCase(), name: member.name });
      }
    }
    continuationToken = page.continuationToken || undefined;
  } while (continuationToken !== undefined && members.length < MAX_MEMBERS);
  return members.slice(0, MAX_MEMBERS);
}
