import { correctCommandWords } from '../commands/command-words';
import type { SupervisionKind } from './schedule';

/**
 * Supervision text made easy to read: lower case, misspelt words corrected, "9.30" as "9:30",
 * "one to one" as "1:1", punctuation other than ":", "/" and "-" dropped.
 */
export function supervisionText(input: string): string {
  return correctCommandWords(
    input
      .toLowerCase()
      .replace(/[\u2018\u2019]/g, "'")
      .replace(/(\d)\.(\d{2})(?!\d)/g, '$1:$2')
      .replace(/[^a-z0-9:./'\- ]+/g, ' ')
      .replace(/(?<!\d)\.|\.(?!\d)/g, ' ')
      .replace(/\s+/g, ' ')
      .trim(),
  ).replace(/\b(one[ -]to[ -]one|1[ -]to[ -]1|1-1|one on one)\b/g, '1:1');
}

/** Which supervision the words name: line management, clinical, or coaching (1:1 or group). */
export function kindOf(text: string): SupervisionKind | undefined {
  if (/\bline manage(r|ment|d)?\b/.test(text)) {
    return 'line-management';
  }
  if (/\bclinical (supervision|supervisor)\b/.test(text)) {
    return 'clinical';
  }
  if (/\bsupervis(ion|or)\b/.test(text)) {
    return /\bgroup\b/.test(text) ? 'coaching-group' : 'coaching-one-to-one';
  }
  return undefined;
}

const HOURS: Record<string, number> = { an: 1, a: 1, one: 1, two: 2, three: 3, half: 0.5 };

/**
 * How long, in minutes, the words say ("for 90 minutes", "1 hour 30 minutes", "1.5 hours", "an
 * hour", "half an hour"), or undefined when they say nothing about it.
 */
export function minutesOf(text: string): number | undefined {
  if (/\bhalf an hour\b/.test(text)) {
    return 30;
  }
  if (/\b(an|one) hour and a half\b/.test(text)) {
    return 90;
  }
  const hours = /\b(\d+(?:\.\d+)?|an|a|one|two|three) ?(h|hr|hrs|hour|hours)\b/.exec(text);
  const minutes = /\b(\d{1,3}) ?(m|min|mins|minute|minutes)\b/.exec(text);
  const fromHours = hours ? (HOURS[hours[1] ?? ''] ?? Number(hours[1] ?? 0)) * 60 : 0;
  const total = Math.round(fromHours + (minutes ? Number(minutes[1]) : 0));
  return hours || minutes ? total : undefined;
}
