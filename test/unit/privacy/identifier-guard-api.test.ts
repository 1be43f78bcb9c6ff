import {
  describeFinding,
  findIdentifier,
  findIdentifierInFields,
  type FieldPolicy,
  type IdentifierKind,
} from '../../../src/domain/privacy/identifier-guard';
import { IDENTIFIER_RULES } from '../../../src/domain/privacy/identifier-rules';
import { normaliseText } from '../../../src/domain/privacy/normalise-text';
import { GUARD_NOW } from '../../helpers/guard-today';

const now = GUARD_NOW;

const KINDS: readonly IdentifierKind[] = [
  'nhs-number',
  'date-of-birth',
  'patient-name',
  'postcode',
  'phone',
  'email',
  'not-a-name',
  'not-a-choice',
];

describe('the rule table', () => {
  it('describes every rule and names the fields it applies to', () => {
    for (const rule of IDENTIFIER_RULES) {
      expect(rule.description.length).toBeGreaterThan(10);
      expect(rule.appliesTo.length).toBeGreaterThan(0);
    }
    expect(new Set(IDENTIFIER_RULES.map((r) => r.id)).size).toBe(IDENTIFIER_RULES.length);
  });

  it('has a rule for every kind, and a plain-English reason for each', () => {
    for (const kind of KINDS) {
      expect(IDENTIFIER_RULES.some((r) => r.kind === kind)).toBe(true);
      expect(describeFinding(kind)).toMatch(/^(a|an|something) /);
    }
  });

  it('looks in choice fields only for NHS numbers and for text no choice holds', () => {
    const choiceKinds = new Set(
      IDENTIFIER_RULES.filter((r) => r.appliesTo.includes('choice')).map((r) => r.kind),
    );
    expect([...choiceKinds]).toEqual(['nhs-number', 'not-a-choice']);
  });
});

describe('a finding', () => {
  it('names the kind, never the text', () => {
    const finding = findIdentifier('Mr Edward Jones, 943 476 5919', 'free-text', now);
    expect(finding).toEqual({ kind: 'nhs-number' });
    expect(JSON.stringify(finding)).not.toMatch(/943|Jones/);
  });
});

describe('normalising', () => {
  it('maps every decimal digit to 0-9, every space to a space, every dash to a hyphen', () => {
    expect(normaliseText('９٤३𝟗\u00a0a\u2013b\u200bc')).toBe('9439 a-bc');
  });
});

describe('walking a card payload', () => {
  const policies: Record<string, FieldPolicy> = {
    verb: 'choice',
    supervisor: 'person-name',
    scheduleId: 'choice',
  };

  /** The field of `payload` that holds an identifier under `fields` (free text by default). */
  const inFields = (
    payload: Readonly<Record<string, unknown>>,
    fields: Readonly<Record<string, FieldPolicy>> = {},
  ) => findIdentifierInFields(payload, fields, 'free-text', now);

  it('finds the field that holds an identifier, under that field policy', () => {
    const submit = {
      verb: 'supervision.form',
      scheduleId: 'aaaaaaaa-0000-0000-0000-000000000001',
      supervisor: 'Dr Jo Coach',
      place: 'Riverside Surgery, J Smithers',
    };
    expect(inFields(submit, policies)).toEqual({
      field: 'place',
      kind: 'patient-name',
    });
  });

  it('lets a clean payload through and reads a name field as a name', () => {
    const submit = {
      verb: 'supervision.form',
      supervisor: 'Jo Coach',
      place: 'Riverside Surgery room 3',
      durationMinutes: 90,
      weeks: '4',
      paused: false,
    };
    expect(inFields(submit, policies)).toBeUndefined();
    expect(inFields({ supervisor: 'Jo Coach' })).toEqual({
      field: 'supervisor',
      kind: 'patient-name',
    });
  });

  it('walks nested objects and arrays, and ignores numbers, booleans and keys', () => {
    const nested = {
      answers: { steps: [{ note: 'ok' }, { note: ['fine', 'DOB 12/03/1950'] }] },
    };
    expect(inFields(nested)).toEqual({
      field: 'answers',
      kind: 'date-of-birth',
    });
    expect(
      inFields({ count: 9434765919, flag: true, nothing: null, 'Mr Edward Jones': 'ok' }),
    ).toBeUndefined();
  });

  it('survives a payload that refers to itself', () => {
    const loop: Record<string, unknown> = { note: 'fine' };
    loop.self = loop;
    expect(inFields(loop)).toBeUndefined();
    loop.other = 'pt J Smithers';
    expect(inFields(loop)).toEqual({
      field: 'self',
      kind: 'patient-name',
    });
  });

  it('does not take a policy from the prototype', () => {
    expect(inFields({ toString: 'Johnathan Smithers' })).toEqual({
      field: 'toString',
      kind: 'patient-name',
    });
  });
});

describe('speed', () => {
  it('reads a long message, and text built to make patterns backtrack, in linear time', () => {
    const note =
      'Riverside Surgery room 3, every 4 weeks on Thursday 2pm starting 2026-12-10 with Jo. ';
    const inputs = [
      note.repeat(120),
      '1 '.repeat(5000),
      '1-'.repeat(5000),
      'a'.repeat(10_000),
      'Aa '.repeat(3000),
      'a.'.repeat(5000) + '@',
      'Mr '.repeat(3000),
      'DOB '.repeat(2500),
    ];
    for (const input of inputs) {
      const started = process.hrtime.bigint();
      findIdentifier(input, 'free-text', now);
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      expect(ms).toBeLessThan(500);
    }
  });
});
