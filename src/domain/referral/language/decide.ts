import type { ReferralCriteria } from '../../pcn-config';
import {
  CONDITION_AT_RISK,
  CONDITION_NONE,
  CONSENT,
  NEED_NONE,
  NEEDS,
  NOT_REGISTERED,
  type Consent,
  type Need,
} from '../referral-answers';
import type { Hit } from './hit';

/** An answer read from a message, with the hits that gave it. */
export interface Decided<T> {
  value: T;
  hits: readonly Hit[];
}

export interface ListDecided<T extends string> extends Decided<T[]> {
  /** "None" was given together with other choices. */
  noneWithOthers: boolean;
}

const DIABETES: ReadonlySet<string> = new Set(['type-1-diabetes', 'type-2-diabetes']);
const OTHER_LTC = 'other-ltc';

function of(hits: readonly Hit[], field: Hit['field']): Hit[] {
  return hits.filter((h) => h.field === field);
}

/** One value, when every hit agrees; undefined when none do or they disagree. */
function single<T>(pairs: ReadonlyArray<readonly [T, Hit]>): Decided<T> | undefined {
  const values = [...new Set(pairs.map(([value]) => value))];
  const [value] = values;
  return values.length === 1 && value !== undefined
    ? { value, hits: pairs.map(([, hit]) => hit) }
    : undefined;
}

function list<T extends string>(
  pairs: ReadonlyArray<readonly [T, Hit]>,
  none: T,
  noneHits: readonly Hit[],
): ListDecided<T> | undefined {
  const values = [...new Set(pairs.map(([value]) => value))];
  if (values.length > 0) {
    return {
      value: values,
      hits: pairs.map(([, hit]) => hit),
      noneWithOthers: noneHits.length > 0,
    };
  }
  return noneHits.length > 0 ? { value: [none], hits: noneHits, noneWithOthers: false } : undefined;
}

/**
 * The conditions: every one named and not denied. "None" only when nothing else is named, from
 * "no LTCs", or from "not at risk" with nothing else. A condition the PCN does not list counts as
 * its "other long-term condition" when it has one. Being at risk of diabetes is dropped when the
 * patient has diabetes.
 */
export function decideConditions(
  hits: readonly Hit[],
  criteria: ReferralCriteria,
): ListDecided<string> | undefined {
  const listed = new Set(criteria.conditions.map((c) => c.id));
  const idFor = (id: string): string | undefined => {
    if (id === CONDITION_AT_RISK || listed.has(id)) {
      return id;
    }
    return listed.has(OTHER_LTC) ? OTHER_LTC : undefined;
  };
  const named: Array<readonly [string, Hit]> = [];
  const none: Hit[] = [];
  for (const hit of of(hits, 'conditions')) {
    if (hit.value === CONDITION_NONE || (hit.value === CONDITION_AT_RISK && hit.negated)) {
      if (!hit.negated || hit.value === CONDITION_AT_RISK) {
        none.push(hit);
      }
      continue;
    }
    const id = hit.negated ? undefined : idFor(hit.value);
    if (id !== undefined) {
      named.push([id, hit]);
    }
  }
  const diabetes = named.some(([id]) => DIABETES.has(id));
  const kept = diabetes ? named.filter(([id]) => id !== CONDITION_AT_RISK) : named;
  // "Not at risk" next to a named condition says nothing against it.
  const strongNone = none.filter((h) => h.value === CONDITION_NONE);
  return list(kept, CONDITION_NONE, kept.length > 0 ? strongNone : none);
}

/** The needs named and not denied; "nothing in particular" only on its own. */
export function decideNeeds(hits: readonly Hit[]): ListDecided<Need> | undefined {
  const named: Array<readonly [Need, Hit]> = [];
  const none: Hit[] = [];
  for (const hit of of(hits, 'needs')) {
    const need = NEEDS.find((n) => n === hit.value);
    if (need === undefined || hit.negated) {
      continue;
    }
    if (need === NEED_NONE) {
      none.push(hit);
    } else {
      named.push([need, hit]);
    }
  }
  return list(named, NEED_NONE, none);
}

export function decideConfidence(hits: readonly Hit[]): Decided<number> | undefined {
  return single(
    of(hits, 'confidence')
      .filter((h) => !h.negated)
      .map((h) => [Number(h.value), h] as const),
  );
}

export function decidePamLevel(hits: readonly Hit[]): Decided<number | null> | undefined {
  return single(
    of(hits, 'pamLevel')
      .filter((h) => !h.negated)
      .map((h) => [h.value === 'not-measured' ? null : Number(h.value), h] as const),
  );
}

/**
 * Agreement to be contacted. "Happy for a call" is yes and "wasn't keen" no; "asked" says
 * nothing until it is denied ("hasn't been asked"). A plain yes or no counts at the question.
 */
export function decideConsent(hits: readonly Hit[]): Decided<Consent> | undefined {
  const pairs: Array<readonly [Consent, Hit]> = [];
  for (const hit of hits) {
    const value = CONSENT.find((c) => c === hit.value);
    if (hit.field === 'consent' && value !== undefined) {
      if (!hit.negated) {
        pairs.push([value, hit]);
      } else if (value === 'yes') {
        pairs.push(['no', hit]);
      }
    } else if (hit.field === 'asked' && hit.negated) {
      pairs.push(['not-asked', hit]);
    } else if (
      hit.field === 'yesNo' &&
      !hit.negated &&
      (hit.value === 'yes' || hit.value === 'no')
    ) {
      pairs.push([hit.value, hit]);
    }
  }
  return single(pairs);
}

/** Adult or not, from an age against the PCN's minimum, from words, or from a plain yes or no. */
export function decideAdult(
  hits: readonly Hit[],
  minimumAge: number,
): Decided<boolean> | undefined {
  const pairs: Array<readonly [boolean, Hit]> = [];
  for (const hit of hits) {
    if (hit.field === 'adult' && hit.age !== undefined) {
      const { atLeast, below } = hit.age;
      if (atLeast !== undefined && atLeast >= minimumAge) {
        pairs.push([true, hit]);
      } else if (below !== undefined && below <= minimumAge) {
        pairs.push([false, hit]);
      }
    } else if (hit.field === 'adult' && (hit.value === 'yes' || hit.value === 'no')) {
      pairs.push([(hit.value === 'yes') !== hit.negated, hit]);
    } else if (
      hit.field === 'yesNo' &&
      !hit.negated &&
      (hit.value === 'yes' || hit.value === 'no')
    ) {
      pairs.push([hit.value === 'yes', hit]);
    }
  }
  return single(pairs);
}

/** One of the PCN's practices, or "not registered" when no practice is named. */
export function decidePractice(hits: readonly Hit[]): Decided<string> | undefined {
  const named = of(hits, 'practice').filter((h) => !h.negated);
  const practices = named.filter((h) => h.value !== NOT_REGISTERED);
  return single((practices.length > 0 ? practices : named).map((h) => [h.value, h] as const));
}

/**
 * A red flag, at its question: a flag named and not denied, or a yes, is yes; else a no or a
 * denied flag is no. Uncertain words ("not sure", "possibly") give neither.
 */
export function decideRedFlag(hits: readonly Hit[]): Decided<boolean> | undefined {
  const yes: Hit[] = [];
  const no: Hit[] = [];
  for (const hit of hits) {
    if (hit.field !== 'redFlag' && hit.field !== 'yesNo') {
      continue;
    }
    if (hit.value === 'yes') {
      (hit.negated ? no : yes).push(hit);
    } else if (hit.value === 'no' && !hit.negated) {
      no.push(hit);
    }
  }
  if (yes.length > 0) {
    return { value: true, hits: yes };
  }
  return no.length > 0 ? { value: false, hits: no } : undefined;
}
