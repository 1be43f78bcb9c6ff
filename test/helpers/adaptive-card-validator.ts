import type * as AdaptiveCardsModule from 'adaptivecards';

// The package's `lib/` is extensionless ESM that Node cannot load; its UMD bundle parses without a DOM.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const AC = require('adaptivecards/dist/adaptivecards.js') as typeof AdaptiveCardsModule;

/**
 * Problems the official Adaptive Cards parser reports for a card at schema 1.5 (the newest Teams
 * renders), plus template placeholders left unexpanded. Empty means the card is valid.
 */
export function adaptiveCardProblems(json: Record<string, unknown>): string[] {
  const problems: string[] = [];
  if (json.version !== '1.5') {
    problems.push(`version is ${String(json.version)}, expected 1.5`);
  }
  const text = JSON.stringify(json);
  const leftover = text.match(/\$\{[^}]*\}/g);
  if (leftover) {
    problems.push(`unexpanded template expressions: ${leftover.join(', ')}`);
  }
  const card = new AC.AdaptiveCard();
  const context = new AC.SerializationContext(AC.Versions.v1_5);
  card.parse(json, context);
  for (let i = 0; i < context.eventCount; i += 1) {
    problems.push(`parse: ${context.getEventAt(i).message}`);
  }
  const validation = card.validateProperties();
  for (const event of validation.validationEvents) {
    problems.push(`validate: ${event.message}`);
  }
  return problems;
}
