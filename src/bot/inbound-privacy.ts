import type { DateTime } from 'luxon';
import { CARD_FIELD_RULES } from '../cards/card-actions';
import type { UserInput } from '../dialogs/user-input';
import {
  describeFinding,
  findIdentifier,
  findIdentifierInFields,
  type FieldPolicy,
} from '../domain/privacy/identifier-guard';

const POLICIES: Readonly<Record<string, FieldPolicy>> = Object.fromEntries(
  Object.entries(CARD_FIELD_RULES).flatMap(([field, rule]) =>
    rule.policy ? [[field, rule.policy]] : [],
  ),
);

export const NHS_NUMBER_WARNING =
  "That message looks like it holds an NHS number. I don't need patient identifiers and I haven't kept it. Please delete the message if you can, and describe the situation without identifiers.";

/**
 * The privacy guard at the edge: every typed message and every field of every card submit,
 * whatever the verb, is read by the one identifier rule (src/domain/privacy) before any dialog,
 * handler, store or log sees it. Gives what to tell the user when something was refused.
 */
export function refusalForIdentifiers(input: UserInput, now: DateTime): string | undefined {
  if (input.kind === 'text') {
    const finding = findIdentifier(input.text, 'free-text', now);
    if (!finding) {
      return undefined;
    }
    return finding.kind === 'nhs-number'
      ? NHS_NUMBER_WARNING
      : `That message looks like it holds ${describeFinding(finding.kind)}. I don't need patient identifiers and I haven't kept it. Please delete the message if you can, and describe the situation without identifiers.`;
  }
  if (input.kind !== 'action') {
    return undefined;
  }
  const finding = findIdentifierInFields(input.action, POLICIES, 'free-text', now);
  if (!finding) {
    return undefined;
  }
  const label = CARD_FIELD_RULES[finding.field]?.label;
  const where = label ? `The ${label} field` : 'Something on that card';
  return `Not saved. ${where} looks like it holds ${describeFinding(finding.kind)}. I don't keep patient identifiers, so nothing from that card was saved. Please change it and press the button again.`;
}
