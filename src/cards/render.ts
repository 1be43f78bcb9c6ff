import { Template } from 'adaptivecards-templating';
import type { z } from 'zod';

/** An Adaptive Card attachment, shaped as Bot Framework expects, with no botbuilder import. */
export interface CardAttachment {
  contentType: 'application/vnd.microsoft.card.adaptive';
  content: Record<string, unknown>;
}

export const ADAPTIVE_CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';

/** Expand a card template with its data. The template stays JSON; the data is typed by each card. */
export function expandCard(template: object, data: object): Record<string, unknown> {
  const expanded: unknown = new Template(template).expand({ $root: data });
  if (typeof expanded !== 'object' || expanded === null) {
    throw new TypeError('card template did not expand to an object');
  }
  return expanded as Record<string, unknown>;
}

export function toAttachment(content: Record<string, unknown>): CardAttachment {
  return { contentType: ADAPTIVE_CARD_CONTENT_TYPE, content };
}

/**
 * A card's render function: the data checked against the card's schema, the template expanded
 * with what the schema returns, as an attachment.
 */
export function renderWith<Schema extends z.ZodType<object>>(
  template: object,
  schema: Schema,
): (data: z.infer<Schema>) => CardAttachment {
  return (data) => toAttachment(expandCard(template, schema.parse(data)));
}
