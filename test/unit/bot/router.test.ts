import { referralCaseService } from '../../helpers/referral-case-fixtures';
import { UrgentService } from '../../../src/dialogs/referral/urgent.service';
import { RecordingPersonalChat } from '../../helpers/recording-personal-chat';
import {
  ConversationState,
  MemoryStorage,
  TestAdapter,
  TurnContext,
  type Activity,
} from 'botbuilder';
import type { DialogState } from 'botbuilder-dialogs';
import { Router, type Features } from '../../../src/bot/router';
import type { CardAction } from '../../../src/cards/card-actions';
import { BroadcastCommands } from '../../../src/dialogs/broadcast/broadcast-commands.service';
import { broadcastRoutes } from '../../../src/dialogs/broadcast/broadcast.routes';
import { BroadcastService } from '../../../src/dialogs/broadcast/broadcast.service';
import { DialogRunner } from '../../../src/dialogs/dialog-runner';
import { helpRoutes } from '../../../src/dialogs/help/help.routes';
import { HelpService } from '../../../src/dialogs/help/help.service';
import { ReferralFormService } from '../../../src/dialogs/referral/referral-form.service';
import { referralRoutes } from '../../../src/dialogs/referral/referral.routes';
import { rolesRoutes } from '../../../src/dialogs/roles/roles.routes';
import { RolesService } from '../../../src/dialogs/roles/roles.service';
import { sessionLogRoutes } from '../../../src/dialogs/session-log/session-log.routes';
import { SessionLogCommands } from '../../../src/dialogs/session-log/session-log.service';
import { supervisionRoutes } from '../../../src/dialogs/supervision/supervision.routes';
import { SupervisionCommands } from '../../../src/dialogs/supervision/supervision.service';
import type { Command } from '../../../src/domain/commands';
import { fixedClock } from '../../../src/domain/clock';
import { PastSessionReplies } from '../../../src/dialogs/supervision/past-session.reply';
import { RoleDirectory } from '../../../src/domain/roles';
import { rosterRoutes } from '../../../src/dialogs/roster/roster.routes';
import { RosterService } from '../../../src/dialogs/roster/roster.service';
import { MemoryRosterRepository } from '../../../src/store/memory/roster.memory-repository';
import { englandAndWalesBankHolidays } from '../../../src/domain/supervision/bank-holidays';
import { ReferralFeedbackService } from '../../../src/dialogs/referral-loop/referral-feedback.service';
import { referralLoopRoutes } from '../../../src/dialogs/referral-loop/referral-loop.routes';
import { MemoryReferrerFeedbackRepository } from '../../../src/store/memory/referrer-feedback.memory-repository';
import { MemoryAuditLog } from '../../../src/store/memory/audit.memory-repository';
import { MemoryBroadcastRepository } from '../../../src/store/memory/broadcast.memory-repository';
import { MemoryReferralRecordRepository } from '../../../src/store/memory/referral-record.memory-repository';
import { MemorySessionLogRepository } from '../../../src/store/memory/session-log.memory-repository';
import { MemorySupervisionRepository } from '../../../src/store/memory/supervision.memory-repository';
import { cardText } from '../../helpers/card-reading';
import { examplePcn } from '../../helpers/pcn';
import { COACH, GP, LEAD, type Person } from '../../helpers/people';
import { testSchedule } from '../../helpers/supervision-fixtures';
import { TENANT } from '../../helpers/recorded-turn';
import { DigestPreferences } from '../../../src/dialogs/digest/digest.service';
import { digestRoutes } from '../../../src/dialogs/digest/digest.routes';
import { MemoryDigestRepository } from '../../../src/store/memory/digest.memory-repository';

const pcn = examplePcn();
const clock = fixedClock('2026-11-23T09:00:00Z');

const COACHES_ONLY_SUPERVISION =
  'Supervision schedules are for the PCN’s Health and Wellbeing Coaches. If you are one, ask your PCN lead to add you to the team.';
const COACHES_ONLY_SESSIONS =
  'Session logs are for the PCN’s Health and Wellbeing Coaches. If you are one, ask your PCN lead to add you to the team.';
const LEADS_ONLY_POSTS = `Only PCN leads can post role cards to channels. At ${pcn.pcnName} that is: Sam Lead (personalised care lead). You can still see any card: type 'role cards'.`;
const LEADS_ONLY_TEAM =
  'Team supervision status is for PCN leads. Coaches can type "my supervision".';
const LEADS_ONLY_REPORT = 'The activity report is for PCN leads. Coaches can type "my caseload".';

/** The real route tables of every feature, over services on in-memory stores. */
function features() {
  const supervision = new MemorySupervisionRepository();
  const broadcasts = new MemoryBroadcastRepository();
  const audit = new MemoryAuditLog();
  const service = new BroadcastService({ broadcasts, audit, pcn, clock, contactsReviewMonths: 6 });
  const links = {
    broadcastCsv: (jobId: string) => `https://bot.example.test/reports/${jobId}`,
    activityCsv: (tenantId: string, month: string) =>
      `https://bot.example.test/reports/${tenantId}/${month}`,
  };
  const routes: Features = {
    referral: referralRoutes(
      new ReferralFormService({ pcn, readOpening: () => ({ answers: {}, heard: [] }) }),
      new UrgentService({ pcn, clock, contactsReviewMonths: 6 }),
      referralCaseService(pcn).service,
    ),
    roles: rolesRoutes(new RolesService({ pcn, clock, contactsReviewMonths: 6 })),
    help: helpRoutes(
      new HelpService({
        botName: 'HWBC Assistant',
        pcnName: pcn.pcnName,
        roles: new RoleDirectory(pcn),
      }),
    ),
    broadcast: broadcastRoutes(
      new BroadcastCommands({ service, broadcasts, links, clock, pcn }),
      pcn,
    ),
    supervision: supervisionRoutes(
      new SupervisionCommands({
        supervision,
        pcn,
        clock,
        holidays: englandAndWalesBankHolidays(),
        overdueWeeks: 6,
      }),
      new PastSessionReplies(clock),
    ),
    sessionLog: sessionLogRoutes(
      new SessionLogCommands({
        logs: new MemorySessionLogRepository(),
        referrals: new MemoryReferralRecordRepository(),
        clock,
        editDays: 7,
        links,
      }),
    ),
    digest: digestRoutes(
      new DigestPreferences({
        digests: new MemoryDigestRepository(),
        roles: new RoleDirectory(pcn),
        clock,
        when: 'every Monday at 08:30',
      }),
    ),
    roster: rosterRoutes(
      new RosterService({
        roster: new MemoryRosterRepository(),
        audit,
        roles: new RoleDirectory(pcn),
        pcn,
        clock,
      }),
    ),
    referralLoop: referralLoopRoutes(
      new ReferralFeedbackService({ feedback: new MemoryReferrerFeedbackRepository(), clock }),
    ),
  };
  return { routes, supervision, audit };
}

/** A router over `routes`, and a way to hand it one activity from a person and read the replies. */
function routerFor(routes: Features) {
  const state = new ConversationState(new MemoryStorage());
  const runner = new DialogRunner(
    state.createProperty<DialogState>('dialogState'),
    state.createProperty<string | undefined>('lastActive'),
    [],
    clock,
    30,
  );
  const router = new Router(routes, new RoleDirectory(pcn), runner, new RecordingPersonalChat());
  const adapter = new TestAdapter();
  const turn = (from: Person): { context: TurnContext; replies: Partial<Activity>[] } => {
    const context = new TurnContext(adapter, {
      type: 'message',
      id: 'activity-1',
      channelId: 'msteams',
      serviceUrl: 'https://smba.example.test/uk/',
      from,
      recipient: { id: '28:bot', name: 'HWBC Assistant' },
      conversation: {
        id: 'a:personal-chat',
        conversationType: 'personal',
        tenantId: TENANT,
        isGroup: false,
        name: '',
      },
    });
    const replies: Partial<Activity>[] = [];
    context.onSendActivities((_context, activities) => {
      replies.push(...activities);
      return Promise.resolve(activities.map((_a, i) => ({ id: `reply-${i}` })));
    });
    return { context, replies };
  };
  return {
    command: async (from: Person, command: Command, text = '') => {
      const { context, replies } = turn(from);
      await router.command(context, command, text);
      return replies;
    },
    action: async (from: Person, action: CardAction) => {
      const { context, replies } = turn(from);
      await router.action(context, action);
      return replies;
    },
  };
}

const textsOf = (replies: readonly Partial<Activity>[]): Array<string | undefined> =>
  replies.map((r) => r.text);

describe('the router applies the role each route declares', () => {
  it("refuses a referrer a coach-only route with the feature's own words, and runs nothing", async () => {
    const { routes, supervision } = features();
    const bot = routerFor(routes);
    const coachId = COACH.aadObjectId.toLowerCase();
    await supervision.saveSchedule({
      schedule: testSchedule({ scheduleId: 'schedule-1', coachId }),
      tenantId: TENANT,
      nextReminderAt: null,
      nextReminderSession: null,
      nextReminderKind: null,
    });
    expect(textsOf(await bot.command(GP, 'supervision-mine'))).toEqual([COACHES_ONLY_SUPERVISION]);
    expect(textsOf(await bot.command(GP, 'caseload'))).toEqual([COACHES_ONLY_SESSIONS]);
    expect(
      textsOf(await bot.action(GP, { verb: 'supervision.delete', scheduleId: 'schedule-1' })),
    ).toEqual([COACHES_ONLY_SUPERVISION]);
    expect(await supervision.listSchedules(coachId)).toHaveLength(1);
  });

  it("refuses a coach a lead-only route with the feature's own words, and runs nothing", async () => {
    const { routes, audit } = features();
    const bot = routerFor(routes);
    expect(textsOf(await bot.command(COACH, 'broadcast-list'))).toEqual([LEADS_ONLY_POSTS]);
    expect(textsOf(await bot.command(COACH, 'supervision-team'))).toEqual([LEADS_ONLY_TEAM]);
    expect(textsOf(await bot.command(COACH, 'activity-report'))).toEqual([LEADS_ONLY_REPORT]);
    expect(textsOf(await bot.action(COACH, { verb: 'broadcast.cancel', jobId: 'job-1' }))).toEqual([
      LEADS_ONLY_POSTS,
    ]);
    expect(await audit.list(TENANT)).toEqual([]);
  });

  it('refuses a lead who is not a coach a coach-only route: being lead is not being a coach', async () => {
    const bot = routerFor(features().routes);
    expect(textsOf(await bot.command(LEAD, 'supervision-mine'))).toEqual([
      COACHES_ONLY_SUPERVISION,
    ]);
  });

  it('hands the route to someone who has its role', async () => {
    const bot = routerFor(features().routes);
    const [mine] = await bot.command(COACH, 'supervision-mine');
    expect(cardText(mine)).toContain('My supervision');
    const [team] = await bot.command(LEAD, 'supervision-team');
    expect(cardText(team)).toContain('Team supervision status');
    const [posts] = await bot.command(LEAD, 'broadcast-list');
    expect(cardText(posts)).toContain('Your channel posts');
  });

  it('lets anyone use a referrer route', async () => {
    const bot = routerFor(features().routes);
    for (const person of [GP, COACH, LEAD]) {
      const [card] = await bot.command(person, 'role-menu');
      expect(cardText(card)).toContain('Health and Wellbeing Coach role cards');
    }
  });

  it('uses the default refusal for the role when a route gives none', async () => {
    const { routes } = features();
    const handled: string[] = [];
    const ran = (what: string): Promise<void> => {
      handled.push(what);
      return Promise.resolve();
    };
    const bot = routerFor({
      ...routes,
      supervision: {
        ...routes.supervision,
        commands: {
          ...routes.supervision.commands,
          'supervision-team': { role: 'lead', handle: () => ran('team') },
          'supervision-mine': { role: 'coach', handle: () => ran('mine') },
        },
      },
    });
    expect(textsOf(await bot.command(COACH, 'supervision-team'))).toEqual([
      'That is for PCN leads.',
    ]);
    expect(textsOf(await bot.command(GP, 'supervision-mine'))).toEqual([
      'That is for the PCN’s Health and Wellbeing Coaches. If you are one, ask your PCN lead to add you to the team.',
    ]);
    expect(handled).toEqual([]);
    await bot.command(LEAD, 'supervision-team');
    await bot.command(COACH, 'supervision-mine');
    expect(handled).toEqual(['team', 'mine']);
  });
});
