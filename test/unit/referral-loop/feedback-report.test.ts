import { activityCsvDownload } from '../../../src/bot/http/report-routes';
import { DownloadLinks } from '../../../src/bot/http/download-links';
import { SessionLogCommands } from '../../../src/dialogs/session-log/session-log.service';
import { fixedClock } from '../../../src/domain/clock';
import {
  feedbackMonthFor,
  feedbackReportCsvRows,
  feedbackReportFacts,
} from '../../../src/domain/referral-loop/feedback-report';
import {
  summariseFeedback,
  type FeedbackScore,
  type ReferrerFeedback,
} from '../../../src/domain/referral-loop/referrer-feedback';
import { RoleDirectory } from '../../../src/domain/roles';
import { MemoryReferralRecordRepository } from '../../../src/store/memory/referral-record.memory-repository';
import { MemoryReferrerFeedbackRepository } from '../../../src/store/memory/referrer-feedback.memory-repository';
import { MemorySessionLogRepository } from '../../../src/store/memory/session-log.memory-repository';
import { factsOf } from '../../helpers/card-content';
import { examplePcn } from '../../helpers/pcn';
import { LEAD } from '../../helpers/people';
import { asLead, recordedTurn, TENANT } from '../../helpers/recorded-turn';

/** Feedback on the November cards from `n` referrers, each giving these scores. */
async function answered(
  store: MemoryReferrerFeedbackRepository,
  n: number,
  confidence: FeedbackScore,
  usefulness: FeedbackScore,
  from = 0,
): Promise<void> {
  for (let i = from; i < from + n; i += 1) {
    await store.add(`referrer-${i}`, {
      month: '2026-11',
      confidence,
      usefulness,
      answeredAt: '2026-12-02T10:00:00.000Z',
    });
  }
}

describe('feedback in the activity report', () => {
  it("shows December's report the answers to November's cards", () => {
    expect(feedbackMonthFor('2026-12')).toBe('2026-11');
    expect(feedbackMonthFor('2027-01')).toBe('2026-12');
  });

  it('names each answer with its count, or why it is hidden', () => {
    const answers: ReferrerFeedback[] = [
      ...Array.from({ length: 6 }, () => ({
        month: '2026-11',
        confidence: '5' as const,
        usefulness: '4' as const,
        answeredAt: '2026-12-02T10:00:00.000Z',
      })),
      ...Array.from({ length: 5 }, () => ({
        month: '2026-11',
        confidence: '4' as const,
        usefulness: '4' as const,
        answeredAt: '2026-12-02T10:00:00.000Z',
      })),
    ];
    const summary = summariseFeedback('2026-11', answers, 5);
    expect(feedbackReportFacts(summary)).toEqual([
      { title: "Referrers' feedback on the November 2026 update", value: '11 answered' },
      {
        title: 'Confident about whom to refer (1 to 5)',
        value: '1: fewer than 5; 2: fewer than 5; 3: fewer than 5; 4: not shown; 5: 6',
      },
      {
        title: "Coaching team's feedback useful (1 to 5)",
        value: '1: fewer than 5; 2: fewer than 5; 3: fewer than 5; 4: not shown; 5: fewer than 5',
      },
    ]);
    expect(feedbackReportCsvRows(summary).slice(0, 3)).toEqual([
      ['feedback_month', '2026-11'],
      ['feedback_answers', '11'],
      ['feedback_confidence_1', 'fewer than 5'],
    ]);
  });

  it("adds the feedback to the lead's activity report card", async () => {
    const feedback = new MemoryReferrerFeedbackRepository();
    await answered(feedback, 6, '4', '5');
    await answered(feedback, 6, '5', '5', 6);
    const commands = new SessionLogCommands({
      logs: new MemorySessionLogRepository(),
      referrals: new MemoryReferralRecordRepository(),
      clock: fixedClock('2026-12-10T09:00:00Z'),
      editDays: 7,
      links: { activityCsv: () => 'https://bot.example.test/reports/activity.csv' },
      feedback: { listMonth: (m) => feedback.listMonth(m), threshold: 5 },
    });
    const turn = recordedTurn(asLead());
    await commands.report(turn);
    const facts = factsOf(turn.cards()[0] ?? {});
    expect(facts).toMatchObject({
      "Referrers' feedback on the November 2026 update": '12 answered',
      'Confident about whom to refer (1 to 5)':
        '1: fewer than 5; 2: fewer than 5; 3: fewer than 5; 4: not shown; 5: 6',
      "Coaching team's feedback useful (1 to 5)":
        '1: fewer than 5; 2: fewer than 5; 3: fewer than 5; 4: fewer than 5; 5: not shown',
    });
  });

  it("adds the feedback rows to the activity report's CSV", async () => {
    const feedback = new MemoryReferrerFeedbackRepository();
    await answered(feedback, 7, '3', '4');
    const clock = fixedClock('2026-12-10T09:00:00Z');
    const links = new DownloadLinks('s'.repeat(40), 'https://bot.example.test', 15, clock);
    const url = new URL(links.activityCsv(TENANT, '2026-12', LEAD.aadObjectId));
    const response = await activityCsvDownload(
      {
        links,
        roles: new RoleDirectory(examplePcn()),
        logs: new MemorySessionLogRepository(),
        referrals: new MemoryReferralRecordRepository(),
        feedback: { listMonth: (m) => feedback.listMonth(m), threshold: 5 },
      },
      url.pathname,
      { tenantId: TENANT, month: '2026-12' },
      url.searchParams,
    );
    expect(response.status).toBe(200);
    const body = response.body;
    expect(body).toContain('period,December 2026\r\n');
    expect(body).toContain('feedback_month,2026-11\r\nfeedback_answers,7\r\n');
    expect(body).toContain('feedback_confidence_3,not shown\r\n');
  });
});
