import { Template } from 'adaptivecards-templating';
import type { z } from 'zod';

/** An Adaptive Card attachment, shaped as Bot Framework expects, with no botbuilder import. */
export interface CardAttachment {
  contentType: 'application/vnd.microsoft.card.adaptive';
  content: Record<string, unknown>;
}

export const ADAPTIVE_CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';

/**
 * Each template prepared once (parsing every `${...}` in it), on first use, and kept for as long as
 * the template object lives. A prepared template builds new objects on every expansion and keeps
 * nothing from one to the next, so one may serve every render.
 */
const prepared = new WeakMap<object, Template>();

function preparedTemplate(template: object): Template {
  const known = prepared.get(template);
  if (known) {
    return known;
  }
  const made = new Template(template);
  prepared.set(template, made);
  return made;
}

/** Expand a card template with its data. The template stays JSON; the data is typed by each card. */
export function expandCard(template: object, data: object): Record<string, unknown> {
  const expanded: unknown = preparedTemplate(template).expand({ $root: data });
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
