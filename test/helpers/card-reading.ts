import type { Activity } from 'botbuilder';

/** Helpers that read a reply the way a user sees it: which question, which headline, which text. */
export function cardOf(
  activity: Partial<Activity> | undefined,
): Record<string, unknown> | undefined {
  const content: unknown = activity?.attachments?.[0]?.content;
  return typeof content === 'object' && content !== null
    ? (content as Record<string, unknown>)
    : undefined;
}

export function cardText(activity: Partial<Activity> | undefined): string {
  return JSON.stringify(cardOf(activity) ?? {});
}

/** The referral question a card asks, from the "Question n of up to N: Title" line. */
export function questionTitle(activity: Partial<Activity> | undefined): string | undefined {
  return /Question \d+ of up to \d+: ([^"]+)"/.exec(cardText(activity))?.[1];
}

/** The question id a card's answer buttons carry. */
export function questionIdOf(activity: Partial<Activity> | undefined): string | undefined {
  return /"questionId":"([A-Za-z]+)"/.exec(cardText(activity))?.[1];
}

/** The bold headline of an outcome or urgent card. */
export function headlineOf(activity: Partial<Activity> | undefined): string | undefined {
  const card = cardOf(activity);
  const body = card?.body as Array<{ items?: Array<{ text?: string }> }> | undefined;
  return body?.[0]?.items?.[0]?.text;
}

/** The warning shown above a re-asked question, if any. */
export function problemOf(activity: Partial<Activity> | undefined): string | undefined {
  const body = (cardOf(activity)?.body ?? []) as Array<{ color?: string; text?: string }>;
  return body.find((b) => b.color === 'Attention')?.text;
}
