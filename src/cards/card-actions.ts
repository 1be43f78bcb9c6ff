import { z } from 'zod';
import { broadcastActionSchemas, broadcastFieldRules } from './broadcast/broadcast.actions';
import { COMMON_FIELD_RULES, type FieldRules } from './card-fields';
import { digestActionSchemas, digestFieldRules } from './digest/digest.actions';
import { helpActionSchemas } from './help/help.actions';
import { referralActionSchemas, referralFieldRules } from './referral/referral.actions';
import {
  referralLoopActionSchemas,
  referralLoopFieldRules,
} from './referral-loop/referral-loop.actions';
import { roleActionSchemas } from './roles/roles.actions';
import { rosterActionSchemas, rosterFieldRules } from './roster/roster.actions';
import { sessionLogActionSchemas, sessionLogFieldRules } from './session-log/session-log.actions';
import { supervisionActionSchemas, supervisionFieldRules } from './supervision/supervision.actions';

/**
 * Every payload a card button can send back, keyed on `verb`: the union of the features' own
 * schemas (each in cards/<feature>/<feature>.actions.ts). Anything else is refused with a
 * friendly reply; nothing is trusted until it passes this schema.
 */
export const cardActionSchema = z.discriminatedUnion('verb', [
  ...referralActionSchemas,
  ...roleActionSchemas,
  ...helpActionSchemas,
  ...broadcastActionSchemas,
  ...supervisionActionSchemas,
  ...sessionLogActionSchemas,
  ...digestActionSchemas,
  ...rosterActionSchemas,
  ...referralLoopActionSchemas,
]);

/** How the identifier guard reads each field of any card submit: the features' rules together. */
export const CARD_FIELD_RULES: FieldRules = {
  ...COMMON_FIELD_RULES,
  ...referralFieldRules,
  ...broadcastFieldRules,
  ...supervisionFieldRules,
  ...sessionLogFieldRules,
  ...digestFieldRules,
  ...rosterFieldRules,
  ...referralLoopFieldRules,
};

export type CardAction = z.infer<typeof cardActionSchema>;
export type CardVerb = CardAction['verb'];

export type ParsedCardAction = { ok: true; action: CardAction } | { ok: false; verb?: string };

/** Parse `activity.value` from a card submit. */
export function parseCardAction(value: unknown): ParsedCardAction {
  const parsed = cardActionSchema.safeParse(value);
  if (parsed.success) {
    return { ok: true, action: parsed.data };
  }
  const verb: unknown =
    typeof value === 'object' && value !== null && 'verb' in value ? value.verb : undefined;
  return typeof verb === 'string' ? { ok: false, verb: verb.slice(0, 60) } : { ok: false };
}
