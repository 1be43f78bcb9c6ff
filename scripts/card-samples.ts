import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import {
  broadcastStatusData,
  renderBroadcastComposeCard,
  renderBroadcastListCard,
  renderBroadcastPreviewCard,
  renderBroadcastStatusCard,
} from '../src/cards/broadcast-cards';
import { renderHelpCard } from '../src/cards/help.card';
import { reminderChoices } from '../src/domain/supervision/reminder-choices';
import {
  referralOutcomeCardData,
  renderReferralOutcomeCard,
} from '../src/cards/referral-outcome.card';
import {
  referralQuestionCardData,
  renderReferralQuestionCard,
} from '../src/cards/referral-question.card';
import {
  referralUrgentCardData,
  renderReferralUrgentCard,
} from '../src/cards/referral-urgent.card';
import { renderRoleCard, renderRoleMenuCard, roleCardData } from '../src/cards/role-cards';
import {
  AUDIENCE_LABELS,
  AUDIENCES,
  ROLE_CARD_TITLES,
  ROLE_CARDS,
} from '../src/cards/role-content';
import { renderWelcomeCard } from '../src/cards/welcome.card';
import {
  renderSupervisionFormCard,
  renderMySupervisionCard,
  renderSupervisionConfirmCard,
  renderSupervisionReminderCard,
  renderTeamSupervisionCard,
  supervisionReminderData,
} from '../src/cards/supervision-cards';
import { DEFAULT_REMINDERS, type Schedule } from '../src/domain/supervision/schedule';
import { renderCaseloadCard, renderSessionLogCard } from '../src/cards/session-cards';
import { planBroadcast } from '../src/domain/broadcast/broadcast';
import { pcnConfigSchema } from '../src/domain/pcn-config';
import { QUESTION_ORDER } from '../src/domain/referral/referral-answers';
import { buildQuestion } from '../src/domain/referral/referral-questions';

export interface CardSample {
  /** File-name-safe name. */
  name: string;
  title: string;
  content: Record<string, unknown>;
}

/**
 * Every card the bot sends, expanded with realistic data from the example PCN configuration:
 * validated in the tests and rendered into the gallery in docs/cards/.
 */
export function cardSamples(root: string): CardSample[] {
  const pcn = pcnConfigSchema.parse(
    JSON.parse(readFileSync(join(root, 'config', 'pcn.example.json'), 'utf8')),
  );
  const ctx = { criteria: pcn.referral, practices: pcn.practices };
  const note = 'Local details last checked on 1 November 2026.';
  const now = DateTime.fromISO('2026-11-23T09:00:00Z');
  const targets = [
    {
      teamId: 't',
      teamName: 'Riverside PCN',
      channelId: '19:general',
      channelName: 'General',
      serviceUrl: 'https://smba.example.test/',
    },
    {
      teamId: 't',
      teamName: 'Riverside PCN',
      channelId: '19:clinicians',
      channelName: 'Clinicians',
      serviceUrl: 'https://smba.example.test/',
    },
  ];
  const plan = planBroadcast(
    {
      jobId: 'sample-job',
      tenantId: 'tenant',
      createdBy: 'lead',
      createdByName: 'Sam Lead',
      audience: 'gp',
      cards: [
        { key: 'what', title: ROLE_CARD_TITLES.what, content: {} },
        { key: 'compare', title: ROLE_CARD_TITLES.compare, content: {} },
      ],
      targets,
      startLocal: { date: '2026-11-30', time: '10:00' },
      repeatWeeks: 4,
    },
    now,
  );
  if ('problem' in plan) {
    throw new Error(plan.problem);
  }
  const sample = (name: string, title: string, content: Record<string, unknown>): CardSample => ({
    name,
    title,
    content,
  });

  const schedule: Schedule = {
    scheduleId: 'sample-schedule',
    coachId: 'coach',
    kind: 'coaching-one-to-one',
    cadence: { type: 'monthly-nth-weekday', nth: 1, weekday: 2 },
    startTime: '10:00',
    durationMinutes: 60,
    supervisor: 'Alex Supervisor',
    place: 'Teams call (link in calendar)',
    reminderOffsets: DEFAULT_REMINDERS,
    paused: false,
  };
  return [
    sample(
      'welcome',
      'Welcome (1:1 chat)',
      renderWelcomeCard({
        pcnName: pcn.pcnName,
        shared: false,
        conversationLabel: 'chat',
        botName: 'HWBC Assistant',
      }).content,
    ),
    sample(
      'welcome-team',
      'Welcome (team)',
      renderWelcomeCard({
        pcnName: pcn.pcnName,
        shared: true,
        conversationLabel: 'team',
        botName: 'HWBC Assistant',
      }).content,
    ),
    sample(
      'help',
      'Help',
      renderHelpCard({ notice: '', shared: false, botName: 'HWBC Assistant' }).content,
    ),
    sample(
      'help-unknown',
      'Help after an unknown command',
      renderHelpCard({
        notice: "Sorry, I didn't understand that. Here's what I can do:",
        shared: true,
        botName: 'HWBC Assistant',
      }).content,
    ),
    ...QUESTION_ORDER.map((id) =>
      sample(
        `referral-question-${id}`,
        `Referral question: ${buildQuestion(id, ctx).title}`,
        renderReferralQuestionCard(referralQuestionCardData(buildQuestion(id, ctx))).content,
      ),
    ),
    sample(
      'referral-question-reprompt',
      'Referral question, asked again',
      renderReferralQuestionCard(
        referralQuestionCardData(
          buildQuestion('adult', ctx),
          "Sorry, I didn't recognise that answer. Choose one of the options, or type its number.",
        ),
      ).content,
    ),
    sample(
      'referral-urgent',
      'Urgent route',
      renderReferralUrgentCard(referralUrgentCardData(pcn, note)).content,
    ),
    sample(
      'referral-outcome-coach-and-link-worker',
      'Outcome: coach, and link worker too',
      renderReferralOutcomeCard(
        referralOutcomeCardData(
          {
            kind: 'refer',
            primary: 'hwbc',
            secondary: 'splw',
            reasons: [
              'need-behaviour-change',
              'ltc-present',
              'low-activation',
              'consent-given',
              'need-social',
            ],
          },
          pcn,
          note,
        ),
      ).content,
    ),
    sample(
      'referral-outcome-care-coordinator',
      'Outcome: care coordinator',
      renderReferralOutcomeCard(
        referralOutcomeCardData(
          { kind: 'refer', primary: 'care-coordinator', reasons: ['need-coordination'] },
          pcn,
          note,
        ),
      ).content,
    ),
    sample(
      'referral-outcome-declined',
      'Outcome: declined coaching',
      renderReferralOutcomeCard(
        referralOutcomeCardData(
          {
            kind: 'no-referral',
            reasons: [
              'need-behaviour-change',
              'ltc-present',
              'low-activation',
              'coaching-declined',
            ],
            declined: 'hwbc',
          },
          pcn,
          note,
        ),
      ).content,
    ),
    sample('role-menu', 'Role cards menu', renderRoleMenuCard().content),
    ...ROLE_CARDS.flatMap((card) =>
      AUDIENCES.map((audience) =>
        sample(
          `role-${card}-${audience}`,
          `${ROLE_CARD_TITLES[card]} (${AUDIENCE_LABELS[audience]})`,
          renderRoleCard(card, roleCardData(card, audience, pcn, note)).content,
        ),
      ),
    ),
    sample(
      'broadcast-compose',
      'Lead: compose a channel post',
      renderBroadcastComposeCard({
        problem: '',
        cardChoices: ROLE_CARDS.map((key) => ({ title: ROLE_CARD_TITLES[key], value: key })),
        audienceChoices: AUDIENCES.map((value) => ({ title: AUDIENCE_LABELS[value], value })),
        channelChoices: targets.map((t) => ({
          title: `${t.teamName} › ${t.channelName}`,
          value: t.channelId,
        })),
        selectedCards: 'what',
        selectedAudience: 'general',
        selectedChannels: '',
        selectedWhen: 'now',
        date: '2026-11-24',
        time: '10:00',
        repeat: 1,
      }).content,
    ),
    sample(
      'broadcast-preview',
      'Lead: preview before posting',
      renderBroadcastPreviewCard({
        draftId: 'sample-draft',
        cards: `${ROLE_CARD_TITLES.what}, ${ROLE_CARD_TITLES.compare}`,
        audience: 'GPs',
        channels: 'Riverside PCN › General, Riverside PCN › Clinicians',
        when: 'Mon 30 Nov 2026 at 10:00, then weekly, 4 times in all (last 21 Dec)',
        total: '16',
      }).content,
    ),
    sample(
      'broadcast-status',
      'Lead: delivery status',
      renderBroadcastStatusCard(
        broadcastStatusData(
          { ...plan.job, status: 'active' },
          { total: 16, sent: 9, pending: 6, failed: 1, cancelled: 0, uncertain: 0 },
          [
            'Riverside PCN › Clinicians: The app is no longer installed there, or was blocked (403).',
          ],
          'https://hwbc.example.nhs.test/reports/broadcasts/sample-job/deliveries.csv?u=lead&exp=1&sig=x',
          now,
        ),
      ).content,
    ),
    sample(
      'broadcast-list',
      'Lead: my posts',
      renderBroadcastListCard({
        jobs: [
          {
            jobId: 'a',
            cards: ROLE_CARD_TITLES.what,
            channels: 'General, Clinicians',
            when: 'now',
            state: '2 of 2 sent',
            canCancel: false,
          },
          {
            jobId: 'b',
            cards: ROLE_CARD_TITLES.compare,
            channels: 'General',
            when: 'Mon 30 Nov 2026 at 10:00, then weekly, 4 times in all (last 21 Dec)',
            state: '0 of 4 sent',
            canCancel: true,
          },
        ],
      }).content,
    ),
    sample(
      'supervision-confirm',
      'Coach: confirm a supervision schedule',
      renderSupervisionConfirmCard({
        kind: 'Coaching supervision (1:1)',
        when: 'Monthly, first Monday, 10:00',
        duration: '60 minutes',
        reminders: '-1,60',
        reminderChoices: reminderChoices(DEFAULT_REMINDERS),
        sessions: [
          'Monday 6 April 2026 at 10:00 (bank holiday)',
          'Monday 4 May 2026 at 10:00 (bank holiday)',
          'Monday 1 June 2026 at 10:00',
        ],
        warning: '6 Apr 2026 is a bank holiday (Easter Monday): you may want to move it.',
        supervisor: '',
        place: '',
        scheduleJson: JSON.stringify({
          kind: schedule.kind,
          cadence: schedule.cadence,
          startTime: schedule.startTime,
          durationMinutes: 60,
        }),
      }).content,
    ),
    sample(
      'supervision-reminder',
      'Coach: supervision reminder',
      renderSupervisionReminderCard(
        supervisionReminderData(schedule, '2026-12-01T10:00:00.000Z', 'before', false),
      ).content,
    ),
    sample(
      'supervision-follow-up',
      'Coach: did it happen? (late)',
      renderSupervisionReminderCard(
        supervisionReminderData(schedule, '2026-12-01T10:00:00.000Z', 'follow-up', true),
      ).content,
    ),
    sample(
      'supervision-move',
      'Coach: move the next session',
      renderSupervisionReminderCard(
        supervisionReminderData(schedule, '2026-12-01T10:00:00.000Z', 'upcoming', false),
      ).content,
    ),
    sample(
      'supervision-mine',
      'Coach: my supervision',
      renderMySupervisionCard({
        last: 'Tue 3 Nov 2026 at 10:00',
        next: 'Coaching supervision (1:1), Tue 1 Dec at 10:00',
        hours: '13.5 hours (expected: 12 to 24, 1 to 2 hours a month)',
        overdue: false,
        overdueText: '',
        schedules: [
          {
            scheduleId: 'a',
            kind: 'Coaching supervision (1:1)',
            when: 'Monthly, first Tuesday, 10:00',
            next: '1 Dec',
            canMove: true,
            pausedText: '',
            pauseTitle: 'Pause',
            pauseTo: 'true',
          },
          {
            scheduleId: 'b',
            kind: 'Clinical supervision',
            when: 'Every 4 weeks on Thursdays from 3 Dec 2026, 14:00',
            next: '3 Dec',
            canMove: false,
            pausedText: ' · paused',
            pauseTitle: 'Resume',
            pauseTo: 'false',
          },
        ],
      }).content,
    ),
    sample(
      'supervision-form',
      'Coach: add supervision with the form',
      renderSupervisionFormCard({
        title: 'Add supervision',
        problem: '',
        scheduleId: '',
        kind: 'coaching-one-to-one',
        cadenceType: 'monthly-nth-weekday',
        nth: '1',
        weekday: '2',
        weeks: 4,
        firstDate: '2026-11-23',
        dates: '',
        startTime: '10:00',
        durationMinutes: 60,
        supervisor: '',
        place: '',
        reminders: '-1,60',
        reminderChoices: reminderChoices(DEFAULT_REMINDERS),
      }).content,
    ),
    sample(
      'session-log',
      'Coach: log a coaching session',
      renderSessionLogCard({
        title: 'Log a coaching session',
        problem: '',
        logId: '',
        date: '2026-11-23',
        durationMinutes: 45,
        mode: 'phone',
        format: 'one-to-one',
        groupSize: '',
        sessionType: 'follow-up',
        sessionNumber: '',
        attended: 'yes',
        referralSource: 'gp',
        pamLevel: 'none',
        caseloadRef: '',
      }).content,
    ),
    sample(
      'caseload',
      'Coach: my caseload this month',
      renderCaseloadCard({
        title: 'My caseload: November 2026',
        subtitle: '',
        facts: [
          { title: 'Sessions logged', value: '18' },
          { title: 'Attended', value: '16 (13.5 hours)' },
          { title: 'Did not attend', value: '2' },
          { title: 'Phone / video / face to face', value: '9 / 4 / 3' },
          { title: '1:1 / group', value: '14 / 2' },
          { title: 'First / follow-up / final', value: '4 / 10 / 2' },
        ],
        logs: [{ logId: 'a', summary: '21 Nov: 45 min, phone, attended' }],
        editDays: '7',
        csvUrl: '',
      }).content,
    ),
    sample(
      'activity-report',
      'Lead: monthly activity report',
      renderCaseloadCard({
        title: 'Activity report: November 2026',
        subtitle: 'Totals across the PCN. Individual session logs are not shown to leads.',
        facts: [
          { title: 'Coaches logging', value: '2' },
          { title: 'Sessions logged', value: '31' },
          { title: 'Attended', value: '27 (22.5 hours)' },
          { title: 'Did not attend', value: '4' },
          { title: 'Referral conversations', value: '12' },
          { title: 'Suggested coach / link worker / care coordinator', value: '7 / 3 / 1' },
          { title: 'Urgent routes', value: '1' },
        ],
        logs: [],
        editDays: '7',
        csvUrl:
          'https://hwbc.example.nhs.test/reports/activity/tenant/2026-11/activity.csv?u=lead&exp=1&sig=x',
      }).content,
    ),
    sample(
      'supervision-team',
      'Lead: team supervision status',
      renderTeamSupervisionCard({
        weeks: '6',
        coaches: [
          {
            name: 'Jo Coach',
            colour: 'Default',
            last: 'Tue 3 Nov 2026 at 10:00',
            next: 'Tue 1 Dec 2026 at 10:00',
            hours: '13.5',
          },
          {
            name: 'Sam Okoro (overdue)',
            colour: 'Attention',
            last: 'Wed 9 Sep 2026 at 14:00',
            next: 'Nothing scheduled',
            hours: '6',
          },
        ],
      }).content,
    ),
  ];
}
