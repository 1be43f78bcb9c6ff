import { DateTime } from 'luxon';
import type { UrgentCard } from '../../../src/cards/referral/referral-urgent.card';
import {
  referralOutcomeCardData,
  renderReferralOutcomeCard,
} from '../../../src/cards/referral/referral-outcome.card';
import {
  referralQuestionCardData,
  renderReferralQuestionCard,
} from '../../../src/cards/referral/referral-question.card';
import {
  referralUrgentCardData,
  renderReferralUrgentCard,
} from '../../../src/cards/referral/referral-urgent.card';
import { renderRoleCard, roleCardData } from '../../../src/cards/roles/roles.cards';
import { ROLE_CARDS } from '../../../src/cards/roles/role-content';
import { parseCardAction } from '../../../src/cards/card-actions';
import { expandCard } from '../../../src/cards/render';
import { buildQuestion } from '../../../src/domain/referral/referral-questions';
import { cardSamples } from '../../fixtures/card-samples';
import { ROOT } from '../../../scripts/launch';
import { adaptiveCardProblems } from '../../helpers/adaptive-card-validator';
import { examplePcn } from '../../helpers/pcn';

const pcn = examplePcn();
const ctx = { criteria: pcn.referral, practices: pcn.practices };
const note = 'Local details last checked on 1 November 2026.';
const ON = DateTime.fromISO('2026-11-23T10:00:00Z');

type Content = Record<string, unknown>;
const texts = (card: Content): string => JSON.stringify(card);

/** Every Action.Submit payload in a card. */
function submitPayloads(node: unknown, found: unknown[] = []): unknown[] {
  if (Array.isArray(node)) {
    node.forEach((child) => submitPayloads(child, found));
  } else if (typeof node === 'object' && node !== null) {
    const record = node as Record<string, unknown>;
    if (record.type === 'Action.Submit') {
      found.push(record.data);
    }
    Object.values(record).forEach((child) => submitPayloads(child, found));
  }
  return found;
}

const cards: Array<[string, Content]> = cardSamples(ROOT).map((sample) => [
  sample.title,
  sample.content,
]);

describe('every card is a valid Adaptive Card 1.5 after expansion', () => {
  it.each(cards)('%s', (_name, content) => {
    expect(adaptiveCardProblems(content)).toEqual([]);
  });

  it.each(cards)('%s: every button sends a payload the bot accepts', (_name, content) => {
    const payloads = submitPayloads(content);
    expect(payloads.length).toBeGreaterThan(0);
    for (const payload of payloads) {
      expect(parseCardAction(payload)).toMatchObject({ ok: true });
    }
  });

  it.each(cards)('%s: every fact shows text', (_name, content) => {
    const factValues: unknown[] = [];
    const walk = (node: unknown): void => {
      if (Array.isArray(node)) {
        node.forEach(walk);
      } else if (typeof node === 'object' && node !== null) {
        const record = node as Record<string, unknown>;
        if (record.type === 'FactSet') {
          for (const fact of (record.facts ?? []) as Array<{ value?: unknown }>) {
            factValues.push(fact.value);
          }
        }
        Object.values(record).forEach(walk);
      }
    };
    walk(content);
    for (const value of factValues) {
      expect(typeof value).toBe('string');
    }
  });

  it.each(cards)(
    '%s: submitting it as shown, with its default input values, is accepted',
    (_name, content) => {
      const inputs: Record<string, unknown> = {};
      const walk = (node: unknown): void => {
        if (Array.isArray(node)) {
          node.forEach(walk);
        } else if (typeof node === 'object' && node !== null) {
          const record = node as Record<string, unknown>;
          if (
            typeof record.type === 'string' &&
            record.type.startsWith('Input.') &&
            typeof record.id === 'string'
          ) {
            // Clients send every input back as a string; an empty box as "".
            inputs[record.id] =
              typeof record.value === 'string' || typeof record.value === 'number'
                ? String(record.value)
                : '';
          }
          Object.values(record).forEach(walk);
        }
      };
      walk(content);
      for (const payload of submitPayloads(content)) {
        const data = payload as Record<string, unknown>;
        const merged = { ...inputs, ...data };
        const result = parseCardAction(merged);
        expect({ verb: data.verb, ok: result.ok }).toEqual({ verb: data.verb, ok: true });
      }
    },
  );

  it('the validator does report a broken card', () => {
    expect(
      adaptiveCardProblems({
        type: 'AdaptiveCard',
        version: '1.5',
        body: [{ type: 'Input.Text' }, { type: 'Banner' }],
      }),
    ).not.toEqual([]);
    expect(
      adaptiveCardProblems({
        type: 'AdaptiveCard',
        version: '1.5',
        body: [{ type: 'TextBlock', text: '${missing}' }],
      }),
    ).not.toEqual([]);
  });
});

describe('what the referral cards say', () => {
  it('the first question says no patient identifiers are asked for or kept', () => {
    const card = renderReferralQuestionCard(
      referralQuestionCardData(buildQuestion('redFlag', ctx)),
    ).content;
    expect(texts(card)).toMatch(
      /don't enter the patient's name, date of birth, NHS number or address/,
    );
    expect(texts(card)).not.toMatch(/"title":"Back"/);
  });

  it('multi-choice questions use a checkbox list and a Continue button', () => {
    const card = renderReferralQuestionCard(
      referralQuestionCardData(buildQuestion('conditions', ctx)),
    ).content;
    expect(texts(card)).toContain('"isMultiSelect":true');
    expect(texts(card)).toContain('"title":"Continue"');
    expect(texts(card)).toContain('"title":"Back"');
  });

  it('the urgent card shows 999, NHS 111 option 2 for mental health and each practice contact', () => {
    const card = texts(renderReferralUrgentCard(referralUrgentCardData(pcn, note)).content);
    expect(card).toContain('999');
    expect(card).toContain('NHS 111, option 2');
    expect(card).toContain('urgent mental health help');
    for (const practice of pcn.practices) {
      expect(card).toContain(practice.dutyClinician);
      expect(card).toContain(practice.safeguardingLead);
    }
  });

  it.each<[UrgentCard, string, string]>([
    ['mental-health', 'Act now: risk of harm or a mental health crisis', 'NHS 111, option 2'],
    ['safeguarding', 'Act now: a safeguarding concern', 'safeguarding lead today'],
    ['acute', 'Act now: acute or rapidly worsening illness', 'signs of a stroke'],
  ])('the %s urgent card says what to do now, in order', (route, headline, step) => {
    const card = texts(renderReferralUrgentCard(referralUrgentCardData(pcn, note, route)).content);
    expect(card).toContain(headline);
    expect(card).toContain('What to do now, in order');
    expect(card).toContain(step);
    expect(card).toContain('999');
  });

  it("shows only the person's practice when it is known, and otherwise asks which", () => {
    const [first, second] = pcn.practices;
    const known = texts(
      renderReferralUrgentCard(referralUrgentCardData(pcn, note, 'safeguarding', first?.odsCode))
        .content,
    );
    expect(known).toContain(first?.safeguardingLead ?? '?');
    expect(known).not.toContain(second?.safeguardingLead ?? '?');
    expect(known).not.toContain('Which practice');
    const unknown = texts(
      renderReferralUrgentCard(referralUrgentCardData(pcn, note, 'safeguarding')).content,
    );
    expect(unknown).toContain('Which practice is the person registered with?');
    expect(unknown).toContain('"verb":"referral.urgentPractice"');
  });

  it('shows the local crisis line with its number when the PCN gives one', () => {
    const withLine = examplePcn((raw) => {
      raw.urgent = {
        crisisLineName: 'Riverside 24/7 crisis line',
        crisisLinePhone: '0808 157 0123',
      };
    });
    const card = texts(
      renderReferralUrgentCard(referralUrgentCardData(withLine, note, 'mental-health')).content,
    );
    expect(card).toContain('Riverside 24/7 crisis line: **0808 157 0123**');
  });

  it('shows the configured social prescribing code, and no made-up code for coaching', () => {
    const card = texts(
      renderReferralOutcomeCard(
        referralOutcomeCardData(
          { kind: 'refer', primary: 'hwbc', secondary: 'splw', reasons: ['need-social'] },
          {},
          pcn,
          note,
          ON,
        ),
      ).content,
    );
    expect(card).toContain('871731000000106');
    expect(card).toContain("Use your practice's referral template for this role");
    expect(card.match(/\b\d{15}\b/g)).toEqual(['871731000000106']);
  });

  it('shows the coaching codes once a PCN configures them', () => {
    const configured = examplePcn((raw) => {
      const routes = raw.routes as Record<string, Record<string, unknown>>;
      routes.hwbc!.referralCodes = [
        { conceptId: '123456789', term: 'Local coaching referral code' },
      ];
    });
    const card = texts(
      renderReferralOutcomeCard(
        referralOutcomeCardData(
          { kind: 'refer', primary: 'hwbc', reasons: ['consent-given'] },
          {},
          configured,
          note,
          ON,
        ),
      ).content,
    );
    expect(card).toContain('123456789');
    expect(card).not.toContain("Use your practice's referral template");
  });

  it('shows the declined code when someone declines the link worker route', () => {
    const card = texts(
      renderReferralOutcomeCard(
        referralOutcomeCardData(
          { kind: 'no-referral', reasons: ['coaching-declined'], declined: 'splw' },
          {},
          pcn,
          note,
          ON,
        ),
      ).content,
    );
    expect(card).toContain('871711000000103');
  });
});

describe('what the role cards say', () => {
  it('meet your coaches lists each configured coach with practices and ways of working', () => {
    const card = texts(
      renderRoleCard('coaches', roleCardData('coaches', 'general', pcn, note)).content,
    );
    expect(card).toContain('Jo Coach');
    expect(card).toContain('Riverside Surgery, Hillview Medical Centre');
    expect(card).toContain('phone, video');
    expect(card).toContain('one to one or group');
    expect(card).toContain('Sam Okoro');
  });

  it('meet your coaches says so when none are configured', () => {
    const none = examplePcn((raw) => {
      raw.coaches = [];
    });
    expect(
      texts(renderRoleCard('coaches', roleCardData('coaches', 'general', none, note)).content),
    ).toContain('has not listed its coaches');
  });

  it('how to refer uses the PCN route and never invents a coaching code', () => {
    const card = texts(renderRoleCard('how', roleCardData('how', 'gp', pcn, note)).content);
    expect(card).toContain(pcn.routes.hwbc.howToRefer);
    expect(card).toContain("Use your practice's referral template");
    expect(card).not.toMatch(/\b\d{9,18}\b/);
  });

  it('carries no patient details: only role information and PCN contacts', () => {
    for (const key of ROLE_CARDS) {
      expect(
        texts(renderRoleCard(key, roleCardData(key, 'general', pcn, note)).content),
      ).not.toMatch(/NHS number:|date of birth:/i);
    }
  });
});

describe('card submit payloads', () => {
  it.each([
    [{ verb: 'referral.answer', questionId: 'adult', value: 'yes' }, true],
    [{ verb: 'referral.answer', questionId: 'conditions', choices: 'hypertension,weight' }, true],
    [{ verb: 'referral.answer', questionId: 'shoeSize', value: '9' }, false],
    [{ verb: 'referral.delete-everything' }, false],
    [{ notAVerb: true }, false],
    ['a string', false],
  ])('%j accepted: %s', (payload, ok) => {
    expect(parseCardAction(payload).ok).toBe(ok);
  });

  it('keeps the unknown verb (shortened) so the reply can say what happened', () => {
    expect(parseCardAction({ verb: 'x'.repeat(100) })).toEqual({ ok: false, verb: 'x'.repeat(60) });
  });
});

describe('expanding a card template', () => {
  const template = {
    type: 'AdaptiveCard',
    body: [
      { type: 'TextBlock', text: 'Hello ${name}' },
      { $data: '${items}', text: '${$data}' },
    ],
  };

  it('prepares a template once and expands it afresh for each card', () => {
    const first = expandCard(template, { name: 'Sam', items: ['a', 'b'] });
    // What a caller does to one card does not reach the next one from the same template.
    (first.body as Array<Record<string, unknown>>).push({ type: 'TextBlock', text: 'extra' });
    const second = expandCard(template, { name: 'Jo', items: ['c'] });
    expect(second).toEqual({
      type: 'AdaptiveCard',
      body: [{ type: 'TextBlock', text: 'Hello Jo' }, { text: 'c' }],
    });
    expect(template.body[0]).toEqual({ type: 'TextBlock', text: 'Hello ${name}' });
  });
});
