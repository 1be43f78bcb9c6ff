import { DateTime } from 'luxon';
import { referralOutcomeCardData } from '../../../src/cards/referral/referral-outcome.card';
import { SAMPLE_ANSWERS } from '../../fixtures/referral-answers';
import { examplePcn } from '../../helpers/pcn';

const ON = DateTime.fromISO('2026-11-23T10:00:00Z');
const KEY = '0123456789abcdef0123456789abcdef';
const card = (
  outcome: Parameters<typeof referralOutcomeCardData>[0],
  pcn = examplePcn(),
  answers = SAMPLE_ANSWERS,
  key = KEY,
) => referralOutcomeCardData(outcome, answers, pcn, '', ON, key);

describe('"Send to the coaching team" on the outcome card', () => {
  it('is offered for the coach, carrying only the practice, route, reason codes and choices', () => {
    const data = card({ kind: 'refer', primary: 'hwbc', reasons: ['ltc-present'] });
    expect(data.canSend).toBe(true);
    expect(data.send).toEqual({
      title: 'Send to the coaching team',
      sendKey: KEY,
      practice: 'Y00001',
      route: 'hwbc',
      reasons: 'ltc-present',
      whatMatters: 'behaviour,social',
    });
  });

  it('is not offered for the link worker or care coordinator unless the PCN enables them', () => {
    const splw: Parameters<typeof referralOutcomeCardData>[0] = {
      kind: 'refer',
      primary: 'splw',
      reasons: ['need-social'],
    };
    expect(card(splw).canSend).toBe(false);
    const enabled = examplePcn((raw) => {
      raw.referralLoop = { routes: ['hwbc', 'splw'] };
    });
    expect(card(splw, enabled)).toMatchObject({
      canSend: true,
      send: { route: 'splw', title: expect.stringMatching(/^Send to the .+ team$/) as unknown },
    });
    // The coach as the second route is still sent to the coaching team.
    expect(
      card({ kind: 'refer', primary: 'splw', secondary: 'hwbc', reasons: ['need-social'] }).send
        .route,
    ).toBe('hwbc');
  });

  it('is not offered with no referral, outside the PCN’s practices, or without a send key', () => {
    expect(card({ kind: 'no-referral', reasons: ['no-ltc'] }).canSend).toBe(false);
    expect(
      card({ kind: 'refer', primary: 'hwbc', reasons: [] }, examplePcn(), {
        ...SAMPLE_ANSWERS,
        practice: 'not-registered',
      }).canSend,
    ).toBe(false);
    expect(
      card({ kind: 'refer', primary: 'hwbc', reasons: [] }, examplePcn(), SAMPLE_ANSWERS, '')
        .canSend,
    ).toBe(false);
  });
});
