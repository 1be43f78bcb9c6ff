import type { Practice, ReferralCriteria } from '../../pcn-config';
import type { QuestionId } from '../referral-answers';
import { buildOptions } from '../referral-options';
import type { LanguageContext } from './language-context';
import { buildPhraseIndex, type PhraseField, type PhraseIndex, type PhraseSource } from './phrases';
import { practiceAliases } from './practice-aliases';
import type { Vocabulary, WordLists } from './vocabulary';

/** Questions a plain "yes" or "no" answers. */
export const YES_NO_QUESTIONS: ReadonlySet<QuestionId> = new Set(['redFlag', 'adult', 'consent']);

function lists(field: PhraseField, words: WordLists | undefined): PhraseSource[] {
  return Object.entries(words ?? {}).flatMap(([value, texts]) =>
    (texts ?? []).map((text) => ({ field, value, text })),
  );
}

function openingSources(ctx: LanguageContext): PhraseSource[] {
  const v = ctx.vocabulary;
  return [
    ...lists('conditions', v.conditions),
    ...ctx.criteria.conditions.map((c) => ({
      field: 'conditions' as const,
      value: c.id,
      text: c.label,
    })),
    ...lists('needs', v.needs),
    ...lists('confidence', v.confidence),
    ...lists('consent', v.consent),
    ...v.asked.map((text) => ({ field: 'asked' as const, value: 'asked', text })),
    ...lists('pamLevel', v.pamLevel),
    ...lists('adult', v.adult),
    ...lists('practice', v.practice),
    ...ctx.practices.flatMap((p) =>
      [p.odsCode, ...practiceAliases(p)].map((text) => ({
        field: 'practice' as const,
        value: p.odsCode,
        text,
      })),
    ),
    ...v.ignore.map((text) => ({ field: 'ignore' as const, value: '', text })),
  ];
}

/** The answer a card option's value stands for: PAM's `level-2` is level 2. */
export function optionAnswerValue(value: string): string {
  return value.startsWith('level-') ? value.slice('level-'.length) : value;
}

/** The pieces of a long label: "COPD, asthma or another lung condition" is three. */
function labelParts(label: string): string[] {
  return label
    .split(/,|;|:|\(|\)|\bor\b|\band\b|\bbut\b|\bfor example\b/i)
    .map((part) => part.trim())
    .filter((part) => part.length >= 3);
}

function optionSources(question: QuestionId, ctx: LanguageContext): PhraseSource[] {
  const { options, multiSelect } = buildOptions(question, ctx);
  return options.flatMap((option) => {
    const value = optionAnswerValue(option.value);
    const texts = [option.label, ...(multiSelect ? labelParts(option.label) : [])];
    if (!/^(\d+|level-\d)$/.test(option.value)) {
      texts.push(option.value.replace(/-/g, ' '));
    }
    return texts.map((text) => ({ field: question, value, text }));
  });
}

function answerSources(question: QuestionId, ctx: LanguageContext): PhraseSource[] {
  const v = ctx.vocabulary;
  return [
    ...lists(question, v.atQuestion[question]),
    ...optionSources(question, ctx),
    ...(question === 'redFlag' ? lists('redFlag', v.redFlag) : []),
    ...(YES_NO_QUESTIONS.has(question) ? lists('yesNo', v.yesNo) : []),
    ...openingSources(ctx),
  ];
}

type Mode = QuestionId | 'opening';

const cache = new WeakMap<
  Vocabulary,
  WeakMap<ReferralCriteria, WeakMap<readonly Practice[], Map<Mode, PhraseIndex>>>
>();

function cached(ctx: LanguageContext): Map<Mode, PhraseIndex> {
  const byCriteria = cache.get(ctx.vocabulary) ?? new WeakMap();
  cache.set(ctx.vocabulary, byCriteria);
  const byPractices = byCriteria.get(ctx.criteria) ?? new WeakMap();
  byCriteria.set(ctx.criteria, byPractices);
  const byMode = byPractices.get(ctx.practices) ?? new Map<Mode, PhraseIndex>();
  byPractices.set(ctx.practices, byMode);
  return byMode;
}

/**
 * The phrases to read an opening message with, or a typed answer to one question: then the
 * question's own words, its options' labels and values, and yes and no where they answer it.
 * Built once per context and question.
 */
export function phraseIndexFor(ctx: LanguageContext, question?: QuestionId): PhraseIndex {
  const mode: Mode = question ?? 'opening';
  const byMode = cached(ctx);
  const found = byMode.get(mode);
  if (found) {
    return found;
  }
  const index = buildPhraseIndex(
    question === undefined ? openingSources(ctx) : answerSources(question, ctx),
  );
  byMode.set(mode, index);
  return index;
}
