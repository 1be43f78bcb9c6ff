import { NOTHING_SENT, NOT_YOURS } from '../../../src/dialogs/referral/referral-case.service';
import { fixedClock } from '../../../src/domain/clock';
import { AppError } from '../../../src/errors';
import { MemoryReferralCaseRepository } from '../../../src/store/memory/referral-case.memory-repository';
import type { ReferralCaseRepository } from '../../../src/store/referral-case.repository';
import { buttonsOf, factsOf, textOf } from '../../helpers/card-content';
import { examplePcn } from '../../helpers/pcn';
import { COACH, LEAD, SECOND_COACH } from '../../helpers/people';
import { asCoach, asLead, asReferrer, recordedTurn } from '../../helpers/recorded-turn';
import { referralCaseService } from '../../helpers/referral-case-fixtures';

const pcn = examplePcn();
const GP_ID = asReferrer().userId;

/** What the outcome card's Send button sends for a coaching outcome at Y00001. */
const sendPress = (sendKey = 'outcome-1') =>
  ({
    verb: 'referral.send',
    sendKey,
    practice: 'Y00001',
    route: 'hwbc',
    reasons: 'ltc-present,need-behaviour-change,not-a-code',
    whatMatters: 'behaviour',
  }) as const;

/** Draws that give HC-2B2B, then HC-3C3C, then HC-4D4D ... */
function steppingRandom() {
  let n = 0;
  return (max: number) => {
    const value = Math.floor(n / 4) % max;
    n += 1;
    return value;
  };
}

/** A repository that can be switched off, as Cosmos DB is when it cannot be reached. */
function switchable(repo: ReferralCaseRepository): ReferralCaseRepository & { down: boolean } {
  const state = { down: false };
  return new Proxy(repo, {
    get(target, property, receiver) {
      if (property === 'down') {
        return state.down;
      }
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== 'function') {
        return value;
      }
      return (...args: unknown[]) =>
        state.down
          ? Promise.reject(new AppError('STORAGE_UNAVAILABLE', 'referral cases (test)'))
          : (value as (...a: unknown[]) => unknown).apply(target, args);
    },
    set(_target, property, value) {
      if (property === 'down') {
        state.down = value === true;
        return true;
      }
      return false;
    },
  }) as ReferralCaseRepository & { down: boolean };
}

async function sent(setUp = referralCaseService(pcn, { random: steppingRandom() })) {
  const turn = recordedTurn(asReferrer());
  await setUp.service.send(turn, sendPress());
  const referralCase = (await setUp.cases.listForReferrer('riverside', GP_ID))[0];
  if (!referralCase) {
    throw new Error('a case should have been made');
  }
  return { ...setUp, turn, referralCase };
}

describe('Send to the coaching team', () => {
  it('makes one case with the answers’ fixed choices and tells the GP its reference', async () => {
    const { turn, referralCase, chat } = await sent();
    expect(referralCase).toMatchObject({
      reference: 'HC-2B2B',
      practice: 'Y00001',
      route: 'hwbc',
      // Anything that is not one of the bot's own codes is dropped, never stored.
      reasons: ['ltc-present', 'need-behaviour-change'],
      whatMatters: ['behaviour'],
      referrerId: GP_ID,
      state: 'sent',
      createdAt: '2026-11-23T09:00:00.000Z',
    });
    const card = textOf(turn.cards()[0]);
    expect(card).toContain(
      'Put HC-2B2B in the clinical system task: it is the one link between the two.',
    );
    // The example PCN sets no referral code for the coach: the card never invents one.
    expect(card).toContain("Use your practice's referral template");
    // Y00001's coach (Jo) gets the case card in her 1:1 chat; Sam works with Y00003 only.
    expect(chat.sent.map((m) => m.aadObjectId)).toEqual([COACH.aadObjectId]);
    const teamCard = chat.sent[0]?.messages[0] as {
      attachments: Array<{ content: Record<string, unknown> }>;
    };
    const content = teamCard.attachments[0]?.content;
    expect(factsOf(content)).toMatchObject({
      Reference: 'HC-2B2B',
      Route: 'Health and Wellbeing Coach',
    });
    expect(buttonsOf(content).map((b) => b.title)).toEqual([
      'Accept',
      'Not for coaching',
      'Assign to me',
      'My referrals',
    ]);
  });

  it('pressed again (or retried), finds the same case: one case, one message to the team', async () => {
    const setUp = await sent();
    const again = recordedTurn(asReferrer(), 'gp|activity-2');
    await setUp.service.send(again, sendPress());
    expect(await setUp.cases.listForReferrer('riverside', GP_ID)).toHaveLength(1);
    expect(textOf(again.cards()[0])).toContain('Put HC-2B2B in the clinical system task');
    expect(setUp.chat.sent).toHaveLength(1);
  });

  it('draws another reference when one is taken in the PCN', async () => {
    const cases = new MemoryReferralCaseRepository();
    const first = referralCaseService(pcn, { cases, random: steppingRandom() });
    await first.service.send(recordedTurn(asReferrer()), sendPress('outcome-1'));
    // A second service drawing the same sequence meets HC-2B2B taken, and moves on.
    const second = referralCaseService(pcn, { cases, random: steppingRandom() });
    const turn = recordedTurn(asReferrer());
    await second.service.send(turn, sendPress('outcome-2'));
    const refs = (await cases.listForReferrer('riverside', GP_ID)).map((c) => c.reference).sort();
    expect(refs).toEqual(['HC-2B2B', 'HC-3C3C']);
    expect(textOf(turn.cards()[0])).toContain('Put HC-3C3C');
  });

  it('with storage down, says nothing was sent and writes nothing', async () => {
    const cases = switchable(new MemoryReferralCaseRepository());
    const setUp = referralCaseService(pcn, { cases });
    cases.down = true;
    const turn = recordedTurn(asReferrer());
    await setUp.service.send(turn, sendPress());
    expect(turn.texts()).toEqual([NOTHING_SENT]);
    expect(turn.cards()).toEqual([]);
    expect(setUp.chat.sent).toEqual([]);
    cases.down = false;
    expect(await cases.listForReferrer('riverside', GP_ID)).toEqual([]);
  });

  it('tells the GP when no coach could be messaged, and keeps the referral', async () => {
    const setUp = referralCaseService(pcn);
    setUp.chat.withoutApp.add(COACH.aadObjectId.toLowerCase());
    const turn = recordedTurn(asReferrer());
    await setUp.service.send(turn, sendPress());
    expect(turn.texts()[0]).toMatch(
      /couldn't message the coaching team .* your PCN lead is shown it/,
    );
    expect(await setUp.cases.listForReferrer('riverside', GP_ID)).toHaveLength(1);
  });

  it('refuses a practice or route the PCN does not take in Teams', async () => {
    const setUp = referralCaseService(pcn);
    const turn = recordedTurn(asReferrer());
    await setUp.service.send(turn, { ...sendPress(), route: 'splw' });
    await setUp.service.send(turn, { ...sendPress(), practice: 'Y99999' });
    expect(turn.texts()).toHaveLength(2);
    expect(await setUp.cases.listForReferrer('riverside', GP_ID)).toEqual([]);
  });
});

describe('the coaching team moves a referral on', () => {
  it('accepts once: a second press says where it is and changes nothing', async () => {
    const { service, cases, referralCase } = await sent();
    const first = recordedTurn(asCoach());
    await service.step(first, 'referral.accept', { reference: referralCase.reference });
    expect(textOf(first.cards()[0])).toContain('Accepted by the coaching team');
    const second = recordedTurn(asCoach(), 'coach|activity-2');
    await service.step(second, 'referral.accept', { reference: referralCase.reference });
    expect(textOf(second.cards()[0])).toContain(
      'Nothing changed: this referral is already at "Accepted by the coaching team".',
    );
    const stored = await cases.get('riverside', referralCase.reference);
    expect(stored?.value.pendingUpdates.map((u) => u.state)).toEqual(['accepted']);
  });

  it('refuses anyone who is not a coach or lead of the PCN, changing nothing', async () => {
    const { service, cases, referralCase } = await sent();
    const turn = recordedTurn(asReferrer());
    await service.step(turn, 'referral.accept', { reference: referralCase.reference });
    expect(turn.texts()).toEqual([NOT_YOURS]);
    expect((await cases.get('riverside', referralCase.reference))?.value.state).toBe('sent');
  });

  it('says a later step comes later, and asks for a reason or outcome before acting', async () => {
    const { service, cases, referralCase } = await sent();
    const early = recordedTurn(asCoach());
    await service.step(early, 'referral.firstSession', { reference: referralCase.reference });
    expect(textOf(early.cards()[0])).toContain('That step comes later');
    const noReason = recordedTurn(asLead());
    await service.step(noReason, 'referral.notForCoaching', { reference: referralCase.reference });
    expect(noReason.texts()[0]).toMatch(/^Choose why/);
    expect((await cases.get('riverside', referralCase.reference))?.value.state).toBe('sent');
    const declined = recordedTurn(asLead());
    await service.step(declined, 'referral.notForCoaching', {
      reference: referralCase.reference,
      reason: 'other-service',
    });
    expect(textOf(declined.cards()[0])).toContain('Not for coaching: Another service fits better');
  });

  it('assign to me names the coach; an unknown reference is said to be unknown', async () => {
    const { service, cases, referralCase } = await sent();
    await service.step(recordedTurn(asCoach()), 'referral.assign', {
      reference: referralCase.reference,
    });
    expect((await cases.get('riverside', referralCase.reference))?.value.assignedTo).toEqual({
      id: COACH.aadObjectId.toLowerCase(),
      name: COACH.name,
    });
    const unknown = recordedTurn(asCoach());
    await service.step(unknown, 'referral.accept', { reference: 'HC-9Z9Z' });
    expect(unknown.texts()[0]).toContain("I can't find referral HC-9Z9Z");
  });

  it('recordSessionForReference moves an accepted case to first session, once', async () => {
    const { service, cases, referralCase } = await sent();
    const coachId = COACH.aadObjectId.toLowerCase();
    expect(await service.recordSessionForReference(referralCase.reference, coachId)).toBe(
      'not-accepted',
    );
    await service.step(recordedTurn(asCoach()), 'referral.accept', {
      reference: referralCase.reference,
    });
    expect(await service.recordSessionForReference(referralCase.reference, coachId)).toBe('moved');
    expect(await service.recordSessionForReference(referralCase.reference, coachId)).toBe(
      'already',
    );
    expect(await service.recordSessionForReference('HC-9Z9Z', coachId)).toBe('not-found');
    expect(await service.recordSessionForReference(referralCase.reference, GP_ID)).toBe('refused');
    expect((await cases.get('riverside', referralCase.reference))?.value.state).toBe(
      'first-session',
    );
  });
});

describe('my referrals', () => {
  it('shows a GP only their own referrals: reference, date, route and state', async () => {
    const { service, cases } = await sent();
    const other = referralCaseService(pcn, { cases, random: () => 3 });
    await other.service.send(
      recordedTurn({ ...asReferrer(), userId: 'someone-else', accountId: 'someone-else' }),
      sendPress('outcome-9'),
    );
    const turn = recordedTurn(asReferrer());
    await service.mine(turn);
    expect(turn.cards()).toHaveLength(1);
    const facts = factsOf(turn.cards()[0]);
    expect(facts).toEqual({
      'HC-2B2B':
        '23 Nov 2026 · Health and Wellbeing Coach · Y00001 · Sent, waiting for the coaching team',
    });
  });

  it('shows a coach the open referrals, with their cards, and a lead those unanswered in time', async () => {
    const setUp = await sent();
    const coachTurn = recordedTurn(callerOf(SECOND_COACH));
    await setUp.service.mine(coachTurn);
    expect(textOf(coachTurn.cards()[0])).toContain('Open and not assigned');
    expect(factsOf(coachTurn.cards()[1])).toMatchObject({ Reference: 'HC-2B2B' });
    // Monday 23rd sent; on Wednesday 25th, two working days have passed.
    const later = referralCaseService(pcn, {
      cases: setUp.cases,
      clock: fixedClock('2026-11-25T12:00:00Z'),
    });
    const leadTurn = recordedTurn(asLead());
    await later.service.mine(leadTurn);
    const text = textOf(leadTurn.cards()[0]);
    expect(text).toContain('Not accepted after 2 working days');
    expect(factsOf(leadTurn.cards()[0])['HC-2B2B']).toBeDefined();
    const early = recordedTurn(asLead());
    await setUp.service.mine(early);
    expect(textOf(early.cards()[0])).toContain('None: every referral has been answered in time.');
  });
});

function callerOf(person: typeof LEAD) {
  return {
    ...asCoach(),
    accountId: person.aadObjectId,
    userId: person.aadObjectId.toLowerCase(),
    name: person.name,
  };
}
