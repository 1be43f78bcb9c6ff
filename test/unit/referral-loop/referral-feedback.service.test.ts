import { ReferralFeedbackService } from '../../../src/dialogs/referral-loop/referral-feedback.service';
import { fixedClock } from '../../../src/domain/clock';
import { MemoryReferrerFeedbackRepository } from '../../../src/store/memory/referrer-feedback.memory-repository';
import { asReferrer, recordedTurn } from '../../helpers/recorded-turn';
import { buildTestBot } from '../../helpers/test-bot';

function service() {
  const feedback = new MemoryReferrerFeedbackRepository();
  const clock = fixedClock('2026-12-01T09:00:00Z');
  return { feedback, clock, service: new ReferralFeedbackService({ feedback, clock }) };
}

const ANSWER = {
  verb: 'feedback.answer',
  month: '2026-11',
  confidence: '4',
  usefulness: '5',
} as const;

describe('referrers feedback: the service', () => {
  it('sends the two questions for an open month', async () => {
    const { service: feedback } = service();
    const turn = recordedTurn(asReferrer());
    await feedback.ask(turn, '2026-11');
    expect(JSON.stringify(turn.cards())).toContain('How confident are you about whom to refer');
  });

  it('counts a second press once and says the first answers are kept', async () => {
    const { service: feedback, feedback: store } = service();
    const first = recordedTurn(asReferrer(), 'k1');
    await feedback.answer(first, ANSWER);
    const second = recordedTurn(asReferrer(), 'k2');
    await feedback.answer(second, { ...ANSWER, confidence: '1' });
    expect(first.texts()).toEqual(['Thank you. Your feedback for November 2026 has been counted.']);
    expect(second.texts()).toEqual([
      'You have already given feedback for November 2026, so your first answers are kept. Thank you.',
    ]);
    expect((await store.listMonth('2026-11')).map((f) => f.confidence)).toEqual(['4']);
  });

  it('asks again when a question has no answer, and saves nothing', async () => {
    const { service: feedback, feedback: store } = service();
    const turn = recordedTurn(asReferrer());
    await feedback.answer(turn, { ...ANSWER, usefulness: '' });
    expect(turn.texts()).toEqual([
      'Choose an answer to both questions, then select "Send feedback".',
    ]);
    expect(await store.listMonth('2026-11')).toEqual([]);
  });

  it('takes answers for this month and the two before it only', async () => {
    const { service: feedback, feedback: store } = service();
    expect(['2026-12', '2026-11', '2026-10'].map((m) => feedback.isOpen(m))).toEqual([
      true,
      true,
      true,
    ]);
    expect(['2026-09', '2027-01'].map((m) => feedback.isOpen(m))).toEqual([false, false]);
    const turn = recordedTurn(asReferrer());
    await feedback.answer(turn, { ...ANSWER, month: '2026-09' });
    expect(turn.texts()[0]).toMatch(/^Feedback for September 2026 has closed\./);
    expect(await store.listMonth('2026-09')).toEqual([]);
  });
});

describe('referrers feedback: through the bot', () => {
  it('counts one answer when Teams redelivers the submit and when the button is pressed again', async () => {
    const feedback = new MemoryReferrerFeedbackRepository();
    const bot = buildTestBot({ referrerFeedback: feedback });
    const first = await bot.send({ id: 'submit-1', value: ANSWER });
    const redelivered = await bot.send({ id: 'submit-1', value: ANSWER });
    const pressedAgain = await bot.send({ id: 'submit-2', value: { ...ANSWER, usefulness: '1' } });
    expect(first.map((a) => a.text)).toEqual([
      'Thank you. Your feedback for November 2026 has been counted.',
    ]);
    expect(redelivered.map((a) => a.text)).not.toContain(
      'Thank you. Your feedback for November 2026 has been counted.',
    );
    expect(pressedAgain.map((a) => a.text)).toEqual([
      'You have already given feedback for November 2026, so your first answers are kept. Thank you.',
    ]);
    expect((await feedback.listMonth('2026-11')).map((f) => f.usefulness)).toEqual(['5']);
  });

  it('refuses an answer outside the card’s choices as an unknown button', async () => {
    const feedback = new MemoryReferrerFeedbackRepository();
    const bot = buildTestBot({ referrerFeedback: feedback });
    const replies = await bot.send({ id: 'submit-x', value: { ...ANSWER, confidence: '9' } });
    expect(JSON.stringify(replies)).toContain("That button isn't one I recognise");
    expect(await feedback.listMonth('2026-11')).toEqual([]);
  });
});
