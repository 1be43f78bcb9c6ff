import { performance } from 'node:perf_hooks';
import {
  prepareRiskNet,
  scanForRisk,
  urgentRouteFor,
  type RiskCategory,
  type RiskScan,
} from '../../../src/domain/risk/risk-net';
import { RISK_CATEGORIES } from '../../../src/domain/risk/risk-categories';

const risk = (category: RiskCategory, ...others: RiskCategory[]): RiskScan => ({
  kind: 'risk',
  category,
  categories: [category, ...others],
});
const uncertain = (category: RiskCategory, ...others: RiskCategory[]): RiskScan => ({
  kind: 'uncertain',
  category,
  categories: [category, ...others],
});
const none: RiskScan = { kind: 'none' };

describe('scanForRisk: plain mentions', () => {
  it.each<[string, RiskScan]>([
    ['he has been thinking of ending his life', risk('suicide')],
    ['took an overdose of paracetamol', risk('suicide')],
    ['she is selfharming again', risk('self-harm')],
    ['said he would stab the receptionist', risk('harm-to-others')],
    ['hearing voices', risk('mental-health-crisis')],
    ['disclosed coercive control', risk('safeguarding')],
    ['face drooping since this morning', risk('acute')],
    ['took 30 paracetamol', risk('suicide')],
    ['responding to voices', risk('mental-health-crisis')],
    ['baby with a broken arm and no explanation', risk('safeguarding')],
    ['cant get his breath', risk('acute')],
  ])('%s', (text, expected) => {
    expect(scanForRisk(text)).toEqual(expected);
  });

  it('reads emergency observations as acute, and normal ones as nothing', () => {
    expect(scanForRisk('COPD, sats 84% on air')).toEqual(risk('acute'));
    expect(scanForRisk('BP 85/50 and dizzy')).toEqual(risk('acute'));
    expect(scanForRisk('RR 30, HR 135')).toEqual(risk('acute'));
    expect(scanForRisk('BMs 2.1 and drowsy')).toEqual(risk('acute'));
    expect(scanForRisk('sats 97%, BP 150/90, HR 72, temp 37.2, BMs 8')).toEqual(none);
    expect(scanForRisk('HbA1c 48, BMI 31')).toEqual(none);
  });
});

describe('scanForRisk: negation and hedging windows', () => {
  it.each([
    'no thoughts of self-harm',
    'denies SI',
    'SI denied',
    'not sure if safeguarding',
    '?safeguarding',
    'possible DV',
    'might be DV',
    'query DV',
    'DV? she would not say',
    'no evidence of psychosis',
    'overdose 10 years ago',
    'history of self harm',
    'not currently suicidal',
  ])('%s is uncertain, never none', (text) => {
    expect(scanForRisk(text).kind).toBe('uncertain');
  });

  it('reaches only a few words: a denial far before the phrase does not count', () => {
    // Three words between the cue and the phrase still count; four do not.
    expect(scanForRisk('denies any thoughts of harming others').kind).toBe('uncertain');
    expect(scanForRisk('not eating or sleeping for days hearing voices').kind).toBe('risk');
  });

  it('stops at "and": a denial does not cover a second, plain statement', () => {
    expect(scanForRisk('no SI and cutting daily')).toEqual(risk('self-harm', 'suicide'));
  });

  it('reads a past marker across its clause, up to a scope breaker', () => {
    expect(scanForRisk('overdose years ago and nothing since').kind).toBe('uncertain');
    expect(scanForRisk('previous overdoses and now suicidal')).toEqual(risk('suicide'));
  });

  it('does not read a negation inside the phrase as a denial', () => {
    expect(scanForRisk('not wanting to be here')).toEqual(risk('suicide'));
    expect(scanForRisk("she doesn't want to live")).toEqual(risk('suicide'));
    expect(scanForRisk("can't breathe")).toEqual(risk('acute'));
  });

  it('does not read "no one" as a denial', () => {
    expect(scanForRisk('no one knows he is suicidal')).toEqual(risk('suicide'));
  });

  it('handles a working diagnosis of an emergency as the emergency', () => {
    expect(scanForRisk('?sepsis')).toEqual(risk('acute'));
    expect(scanForRisk('possible stroke')).toEqual(risk('acute'));
    // A denial still counts.
    expect(scanForRisk('sepsis ruled out')).toEqual(uncertain('acute'));
    expect(scanForRisk('no chest pain')).toEqual(uncertain('acute'));
  });

  it('asks about wording that is as often benign', () => {
    expect(scanForRisk('some bruising on her arms')).toEqual(uncertain('safeguarding'));
    expect(scanForRisk('crisis')).toEqual(uncertain('mental-health-crisis'));
    expect(scanForRisk('ramipril 5mg OD')).toEqual(none);
    expect(scanForRisk('ramipril OD')).toEqual(uncertain('suicide'));
    expect(scanForRisk('OD on her sertraline')).toEqual(risk('suicide'));
    expect(scanForRisk('short of breath')).toEqual(uncertain('acute'));
    expect(scanForRisk('thinks people are following him')).toEqual(
      uncertain('mental-health-crisis'),
    );
    expect(scanForRisk('he punches walls')).toEqual(uncertain('harm-to-others'));
  });
});

describe('scanForRisk: clauses', () => {
  it.each(['.', ';', ',', ' but', ' however', ' -'])('a denial ends at "%s"', (separator) => {
    expect(scanForRisk(`no SI${separator} cutting her arms`).kind).toBe('risk');
  });

  it('never joins a phrase across clauses', () => {
    expect(scanForRisk('self. harm')).toEqual(none);
    expect(scanForRisk('chest, pain')).toEqual(none);
  });

  it('a plain mention anywhere wins over a denial elsewhere', () => {
    expect(scanForRisk('denies SI but has cut herself this week')).toEqual(
      risk('self-harm', 'suicide'),
    );
    expect(scanForRisk('no chest pain. Now suicidal')).toEqual(risk('suicide', 'acute'));
  });

  it('a plain and a denied mention of the same category is plain', () => {
    expect(scanForRisk('no SI last week, now suicidal')).toEqual(risk('suicide'));
  });
});

describe('scanForRisk: misspellings and typos', () => {
  it.each<[string, RiskCategory]>([
    ['suicidle thoughts', 'suicide'],
    ['sucidal', 'suicide'],
    ['self harm', 'self-harm'],
    ['selfharm', 'self-harm'],
    ['self-harm', 'self-harm'],
    ['safegaurding concern', 'safeguarding'],
    ['psycotic', 'mental-health-crisis'],
    ['psychotc', 'mental-health-crisis'],
    ['anaphalaxis', 'acute'],
    ['stockpilling her tablets', 'suicide'],
    ['SUICIDAL', 'suicide'],
    ['cant breath', 'acute'],
  ])('%s', (text, category) => {
    const scan = scanForRisk(text);
    expect(scan.kind).toBe('risk');
    expect(scan.kind !== 'none' && scan.category).toBe(category);
  });

  it('does not read real words one edit away as typos', () => {
    expect(scanForRisk("he's overdoing it at the gym")).toEqual(none);
    expect(scanForRisk('loves painting and cruising')).toEqual(none);
    expect(scanForRisk('stacking shelves at work')).toEqual(none);
  });

  it('tolerates no typo in short words, where one letter is another word', () => {
    expect(scanForRisk('putting on weight')).toEqual(none);
  });
});

describe('scanForRisk: benign look-alikes', () => {
  it.each([
    'the cost of living crisis is hitting her hard',
    'applied for a crisis loan',
    'she works in safeguarding at the council',
    'I have done my level 3 safeguarding training',
    'history of alcohol abuse, now dry',
    'cutting down on sugar',
    'SI joint pain',
    'her knees are killing her',
    'dying to get back to swimming',
    'previous stroke, now stable',
    'at risk of diabetes',
    'eats a lot of fast food',
    'violent cough at night',
    'fitting exercise into her day',
    'SOB on exertion, known COPD',
    'threatened with eviction',
    "can't speak English, needs an interpreter",
    'went to boarding school',
  ])('%s', (text) => {
    expect(scanForRisk(text)).toEqual(none);
  });
});

describe('scanForRisk: several categories', () => {
  it('orders them by urgency: acute, suicide, harm to others, self-harm, crisis, safeguarding', () => {
    const byUrgency = [
      'acute',
      'suicide',
      'harm-to-others',
      'self-harm',
      'mental-health-crisis',
      'safeguarding',
    ] as const;
    expect(
      scanForRisk(
        'DV at home, hearing voices, cutting, wants to kill her partner, suicidal, chest pain',
      ),
    ).toEqual(risk(...byUrgency));
    expect(RISK_CATEGORIES).toEqual(byUrgency);
  });

  it('lists plain categories first, then the doubtful ones', () => {
    expect(scanForRisk('no chest pain, disclosed DV')).toEqual(risk('safeguarding', 'acute'));
    expect(scanForRisk('?DV, no SI')).toEqual(uncertain('suicide', 'safeguarding'));
  });

  it('lets the longer, more specific phrase decide', () => {
    expect(scanForRisk('acutely unwell mentally')).toEqual(risk('mental-health-crisis'));
    expect(scanForRisk('domestic violence')).toEqual(risk('safeguarding'));
  });
});

describe('urgentRouteFor', () => {
  it.each<[RiskCategory, string]>([
    ['suicide', 'mental-health'],
    ['self-harm', 'mental-health'],
    ['harm-to-others', 'mental-health'],
    ['mental-health-crisis', 'mental-health'],
    ['safeguarding', 'safeguarding'],
    ['acute', 'acute'],
  ])('%s goes to %s', (category, route) => {
    expect(urgentRouteFor(category)).toBe(route);
  });
});

describe('scanForRisk: speed', () => {
  it('scans a short message well under a millisecond', () => {
    prepareRiskNet();
    const messages = [
      '54F HTN, wants to lose weight, worth a health coach?',
      "riverside, 62M, HTN, wants to lose weight, fairly confident, agrees - oh and he's been thinking of ending his life",
      'denies SI but has cut herself this week',
    ];
    const times: number[] = [];
    for (let round = 0; round < 200; round += 1) {
      for (const message of messages) {
        const started = performance.now();
        scanForRisk(message);
        times.push(performance.now() - started);
      }
    }
    times.sort((a, b) => a - b);
    const median = times[Math.floor(times.length / 2)] ?? Infinity;
    expect(median).toBeLessThan(1);
  });

  it('grows linearly with the message', () => {
    const unit = 'no SI, wants to kill his neighbour and lose weight; ';
    const time = (text: string): number => {
      const started = performance.now();
      for (let i = 0; i < 5; i += 1) {
        scanForRisk(text);
      }
      return performance.now() - started;
    };
    time(unit.repeat(50));
    const small = time(unit.repeat(200));
    const large = time(unit.repeat(800));
    // Four times the text: well under sixteen times the time (quadratic would be sixteen).
    expect(large / small).toBeLessThan(10);
  });
});
