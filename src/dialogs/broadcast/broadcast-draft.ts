import {
  AUDIENCES,
  ROLE_CARDS,
  type Audience,
  type RoleCardKey,
} from '../../cards/roles/role-content';
import type { ChannelTarget } from '../../domain/broadcast/broadcast';
import type { BroadcastDraft } from './broadcast.service';

export interface ComposeInput {
  cards?: string;
  audience?: string;
  channels?: string;
  when?: 'now' | 'later';
  date?: string;
  time?: string;
  repeat?: string | number;
}

const split = (value: string | undefined): string[] =>
  (value ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part.length > 0);

/** Read the compose card's inputs into a draft, or say what to fix. */
export function readDraft(
  input: ComposeInput,
  available: readonly ChannelTarget[],
): { draft: BroadcastDraft } | { problem: string } {
  const cards = split(input.cards).filter((c): c is RoleCardKey =>
    (ROLE_CARDS as readonly string[]).includes(c),
  );
  if (cards.length === 0) {
    return { problem: 'Choose at least one card.' };
  }
  const audience: Audience = (AUDIENCES as readonly string[]).includes(input.audience ?? '')
    ? (input.audience as Audience)
    : 'general';
  const chosen = split(input.channels);
  const targets = available.filter((c) => chosen.includes(c.channelId));
  if (targets.length === 0) {
    return { problem: 'Choose at least one channel.' };
  }
  if (targets.length < chosen.length) {
    return { problem: 'One of those channels is no longer available. Choose again.' };
  }
  const repeat = Number(input.repeat ?? 1);
  if (!Number.isInteger(repeat) || repeat < 1 || repeat > 12) {
    return { problem: 'Post weekly between 1 and 12 times.' };
  }
  if (input.when === 'later') {
    if (
      !input.date ||
      !/^\d{4}-\d{2}-\d{2}$/.test(input.date) ||
      !input.time ||
      !/^\d{2}:\d{2}$/.test(input.time)
    ) {
      return { problem: 'To schedule, give a date and a time (UK time).' };
    }
    return {
      draft: {
        cards,
        audience,
        targets,
        startLocal: { date: input.date, time: input.time },
        repeatWeeks: repeat,
      },
    };
  }
  return { draft: { cards, audience, targets, repeatWeeks: repeat } };
}
