import type { Activity, Mention, TurnContext } from 'botbuilder';
import { conversationKind } from './conversation-capture';
import { shortHash } from './short-hash';

/** Buttons anyone in a channel may press, whoever the card was for. */
const OPEN_VERBS: ReadonlySet<string> = new Set([
  'role.show',
  'help.show',
  'referral.start',
  'referral.quick',
]);

const OWNER = 'owner';

/** A short tag for who a card was for: the same for the same Teams user, and nothing more. */
function ownerTag(userId: string): string {
  return shortHash(userId, 16);
}

/** Every Action.Submit's data in a card, at any depth (ShowCard cards included). */
function stampSubmits(node: unknown, tag: string): void {
  if (Array.isArray(node)) {
    node.forEach((child) => stampSubmits(child, tag));
    return;
  }
  if (typeof node !== 'object' || node === null) {
    return;
  }
  const record = node as Record<string, unknown>;
  if (record.type === 'Action.Submit' && typeof record.data === 'object' && record.data !== null) {
    (record.data as Record<string, unknown>)[OWNER] = tag;
  }
  Object.values(record).forEach((child) => stampSubmits(child, tag));
}

function address(activity: Partial<Activity>, mention: Mention, tag: string): void {
  const already = (activity.entities ?? []).some(
    (e) => e.type === 'mention' && (e as Mention).mentioned?.id === mention.mentioned.id,
  );
  for (const attachment of activity.attachments ?? []) {
    const card = attachment.content as Record<string, unknown> | undefined;
    if (attachment.contentType !== 'application/vnd.microsoft.card.adaptive' || !card) {
      continue;
    }
    stampSubmits(card, tag);
    const msteams = (card.msteams ?? {}) as { entities?: Mention[] };
    if (!(msteams.entities ?? []).some((e) => e.mentioned.id === mention.mentioned.id)) {
      card.msteams = { ...msteams, entities: [...(msteams.entities ?? []), mention] };
      const body: unknown[] = Array.isArray(card.body) ? (card.body as unknown[]) : [];
      card.body = [
        ...body,
        {
          type: 'TextBlock',
          text: `For ${mention.text}`,
          size: 'Small',
          isSubtle: true,
          wrap: true,
        },
      ];
    }
  }
  if (typeof activity.text === 'string' && activity.text.length > 0 && !already) {
    activity.text = `${mention.text} ${activity.text}`;
    activity.entities = [...(activity.entities ?? []), mention];
  }
}

/**
 * In a channel or group chat, every reply names the person it answers (@mention), and every card
 * button carries who the card was for, so that someone else pressing it can be told so.
 */
export function addressSharedReplies(context: TurnContext): void {
  const { activity } = context;
  if (conversationKind(activity) === 'personal') {
    return;
  }
  const name = activity.from.name ?? 'you';
  const mention: Mention = {
    type: 'mention',
    text: `<at>${name}</at>`,
    mentioned: { id: activity.from.id, name },
  };
  const tag = ownerTag(activity.from.id);
  context.onSendActivities(async (_context, activities, next) => {
    for (const reply of activities) {
      if (reply.type === 'message' || reply.type === undefined) {
        address(reply, mention, tag);
      }
    }
    return next();
  });
}

/** A button on a card that was for someone else, in a shared conversation. */
export function isSomeoneElsesCard(activity: Partial<Activity>): boolean {
  const value = activity.value as Record<string, unknown> | undefined;
  const owner = value?.[OWNER];
  const verb = value?.verb;
  return (
    typeof owner === 'string' &&
    typeof verb === 'string' &&
    !OPEN_VERBS.has(verb) &&
    activity.from?.id !== undefined &&
    owner !== ownerTag(activity.from.id)
  );
}

export const SOMEONE_ELSES_CARD =
  "That card was for someone else, so I haven't used your answer. To start your own, @mention me and type 'refer'.";
