import { pcnCodeOf } from './domain/pcn-config';
import { randomBytes, randomInt } from 'node:crypto';
import type { Database } from '@azure/cosmos';
import { PrivateConversationState, type Storage, type TurnContext } from 'botbuilder';
import type { DialogState } from 'botbuilder-dialogs';
import type restify from 'restify';
import { createAdapter, createBotFrameworkAuthentication } from './bot/adapter';
import { createRequestAuthenticator } from './bot/auth/request-authenticator';
import { createBotStateStorage } from './bot/bot-state-storage';
import { GuardedStorage } from './bot/guarded-storage';
import { aboutPages } from './bot/http/about-pages';
import { supervisionCalendarDownload } from './bot/http/calendar-routes';
import {
  ACTIVITY_CSV_PATH,
  BROADCAST_CSV_PATH,
  DownloadLinks,
  SUPERVISION_CALENDAR_PATH,
} from './bot/http/download-links';
import { activityCsvDownload, broadcastCsvDownload } from './bot/http/report-routes';
import { HwbcBot } from './bot/hwbc.bot';
import { sendImmediately } from './bot/reply-buffer';
import { Router } from './bot/router';
import { TurnGate, type TurnGateOptions } from './bot/turn-gate';
import { createServer } from './bot/server';
import { StatusCardNotifier } from './bot/teams/broadcast-notifier';
import { BotFrameworkChannelPoster } from './bot/teams/channel-poster';
import { BotCoachMessenger } from './bot/teams/coach-messenger';
import { TeamsPersonalChat } from './bot/teams/personal-chat';
import { teamsConversationMembers } from './bot/teams/conversation-members';
import type { MemberLister } from './bot/feature-turn.adapter';
import { BotReferrerNotifier } from './bot/teams/referrer-notifier';
import { TeamsConversationPoster } from './bot/teams/team-conversation';
import type { CardAttachment } from './cards/render';
import type { AppConfig } from './config';
import { BroadcastCommands } from './dialogs/broadcast/broadcast-commands.service';
import { broadcastRoutes } from './dialogs/broadcast/broadcast.routes';
import { BroadcastService } from './dialogs/broadcast/broadcast.service';
import { TeamsChannelDirectory } from './dialogs/broadcast/channel-directory';
import { DialogRunner } from './dialogs/dialog-runner';
import type { PersonalChat } from './dialogs/personal-chat';
import { helpRoutes } from './dialogs/help/help.routes';
import { HelpService } from './dialogs/help/help.service';
import type { TeamConversation } from './dialogs/team-conversation';
import { ReferralCaseService } from './dialogs/referral/referral-case.service';
import { ReferralFormService } from './dialogs/referral/referral-form.service';
import { referralRoutes } from './dialogs/referral/referral.routes';
import { ReferralFeedbackService } from './dialogs/referral-loop/referral-feedback.service';
import { referralLoopRoutes } from './dialogs/referral-loop/referral-loop.routes';
import { UrgentService } from './dialogs/referral/urgent.service';
import { openingReader } from './domain/referral/language/opening-read';
import { riskVocabularyFor } from './domain/risk/risk-config';
import { prepareRiskNet } from './domain/risk/risk-net';
import { rolesRoutes } from './dialogs/roles/roles.routes';
import { RolesService } from './dialogs/roles/roles.service';
import { rosterRoutes } from './dialogs/roster/roster.routes';
import { RosterService } from './dialogs/roster/roster.service';
import { sessionLogRoutes } from './dialogs/session-log/session-log.routes';
import { SessionLogCommands } from './dialogs/session-log/session-log.service';
import { PastSessionReplies } from './dialogs/supervision/past-session.reply';
import { supervisionRoutes } from './dialogs/supervision/supervision.routes';
import { SupervisionCommands } from './dialogs/supervision/supervision.service';
import { DEFAULT_RETRY } from './domain/broadcast/retry-policy';
import type { Clock } from './domain/clock';
import type { RandomInt } from './domain/referral-loop/case-reference';
import { RoleDirectory } from './domain/roles';
import {
  englandAndWalesBankHolidays,
  type BankHolidayCalendar,
} from './domain/supervision/bank-holidays';
import { BroadcastSender, newInstanceId } from './jobs/broadcast-sender';
import { ReferralUpdateSender } from './jobs/referral-update-sender';
import { PracticeUpdatePoster } from './jobs/practice-update-poster';
import { caseMilestones, londonMonthBounds } from './domain/referral-loop/case-milestones';
import {
  practiceMonthCardData,
  renderPracticeMonthCard,
} from './cards/referral-loop/practice-month.card';
import { ReminderScheduler } from './jobs/reminder-scheduler';
import { WeeklyDigest } from './jobs/weekly-digest';
import {
  coachSessionsSection,
  overdueCoachesSection,
  postsThisWeekSection,
  referralsWaitingSection,
} from './jobs/digest-sections';
import { BotDigestMessenger } from './bot/teams/digest-messenger';
import { DigestPreferences } from './dialogs/digest/digest.service';
import { digestRoutes } from './dialogs/digest/digest.routes';
import { describeTiming } from './domain/digest/digest-week';
import { CosmosDigestRepository } from './store/digest.cosmos-repository';
import type { DigestRepository } from './store/digest.repository';
import { RosterRefresh } from './jobs/roster-refresh';
import type { Logger } from './logger';
import type { AuditLog } from './store/audit.repository';
import { CosmosAuditLog } from './store/audit.cosmos-repository';
import { CosmosBroadcastRepository } from './store/broadcast.cosmos-repository';
import type { BroadcastRepository } from './store/broadcast.repository';
import { CONTAINERS } from './store/containers';
import { CosmosConversationRepository } from './store/conversation.cosmos-repository';
import type { ConversationRepository } from './store/conversation.repository';
import { openDatabase, type CosmosConnection } from './store/cosmos-database';
import { startEmbeddedCosmos, type EmbeddedCosmos } from './store/embedded-cosmos';
import { CosmosRateGate } from './store/rate-window.cosmos-store';
import { CosmosReferralCaseRepository } from './store/referral-case.cosmos-repository';
import type { ReferralCaseRepository } from './store/referral-case.repository';
import { CosmosReferralRecordRepository } from './store/referral-record.cosmos-repository';
import type { ReferralRecordRepository } from './store/referral-record.repository';
import { CosmosRosterRepository } from './store/roster.cosmos-repository';
import type { RosterRepository } from './store/roster.repository';
import { CosmosSessionLogRepository } from './store/session-log.cosmos-repository';
import type { SessionLogRepository } from './store/session-log.repository';
import { CosmosSupervisionRepository } from './store/supervision.cosmos-repository';
import type { SupervisionRepository } from './store/supervision.repository';
import { CosmosTurnLedger } from './store/turn-ledger.cosmos-repository';
import type { TurnLedger } from './store/turn-ledger.repository';
import { CosmosReferrerFeedbackRepository } from './store/referrer-feedback.cosmos-repository';
import type { ReferrerFeedbackRepository } from './store/referrer-feedback.repository';

export const BOT_NAME = 'HWBC Assistant';

/** Everything the features keep. Cosmos DB in the app; the tests may pass in-memory twins. */
export interface Repositories {
  conversations: ConversationRepository;
  records: ReferralRecordRepository;
  broadcasts: BroadcastRepository;
  audit: AuditLog;
  supervision: SupervisionRepository;
  sessionLogs: SessionLogRepository;
  referralCases: ReferralCaseRepository;
  referrerFeedback: ReferrerFeedbackRepository;
  turns: TurnLedger;
  digests: DigestRepository;
  roster: RosterRepository;
}

export function cosmosRepositories(
  database: Database,
  config: Pick<AppConfig, 'sessionLogs' | 'referralCases'>,
): Repositories {
  const container = (key: keyof typeof CONTAINERS) => database.container(CONTAINERS[key].id);
  return {
    conversations: new CosmosConversationRepository(container('conversations')),
    records: new CosmosReferralRecordRepository(container('referralRecords')),
    broadcasts: new CosmosBroadcastRepository(container('broadcasts')),
    audit: new CosmosAuditLog(container('audit')),
    supervision: new CosmosSupervisionRepository(container('supervision')),
    sessionLogs: new CosmosSessionLogRepository(
      container('sessionLogs'),
      config.sessionLogs.retentionDays * 24 * 3600,
    ),
    referralCases: new CosmosReferralCaseRepository(
      container('referralCases'),
      config.referralCases.retentionDays * 24 * 3600,
    ),
    referrerFeedback: new CosmosReferrerFeedbackRepository(container('referrerFeedback')),
    turns: new CosmosTurnLedger(container('turns')),
    digests: new CosmosDigestRepository(container('conversations')),
    roster: new CosmosRosterRepository(container('roster')),
  };
}

/** Where the signed download links point. */
export interface ReportLinks {
  broadcastCsv(jobId: string, user: string): string;
  activityCsv(tenantId: string, month: string, user: string): string;
  /** A supervision schedule's .ics file (domain/supervision/calendar.ts). */
  supervisionCalendar(scheduleId: string, key: string, user: string): string;
}

export interface BotWiring {
  config: Pick<
    AppConfig,
    | 'pcn'
    | 'contactsReviewMonths'
    | 'dialogIdleMinutes'
    | 'supervision'
    | 'sessionLogs'
    | 'referralCases'
    | 'digest'
  >;
  repositories: Repositories;
  /** Where dialog state lives (botbuilder's Storage). */
  botStorage: Storage;
  clock: Clock;
  logger: Logger;
  links: ReportLinks;
  /** Each person's 1:1 chat, for answers that must not be given in a channel. */
  personalChat: PersonalChat;
  /** How long turns wait for each other and leases last; the defaults suit Teams. */
  turnGate?: TurnGateOptions;
  /** Who is in a team or group chat; Teams' paged member list unless a test fakes it. */
  members?: MemberLister;
  /** The coaching team's channel, when the PCN names one; unset, referrals go to coaches' 1:1 chats. */
  teamConversation?: TeamConversation;
  /** Where referral references are drawn from; crypto's randomInt unless a test fixes it. */
  random?: RandomInt;
  /** Send a card at once, outside the reply buffer, and give its activity id. */
  sendNow?: (context: TurnContext, card: CardAttachment) => Promise<string | undefined>;
}

/** The features, their routes and the Teams activity handler: the same for the app and the tests. */
export function buildBot(wiring: BotWiring): {
  bot: HwbcBot;
  roles: RoleDirectory;
  roster: RosterService;
  holidays: BankHolidayCalendar;
  /** For the session log's reference field: `recordSessionForReference`. */
  referralCases: ReferralCaseService;
} {
  const { config, repositories: repos, clock, logger, links } = wiring;
  const { pcn, contactsReviewMonths } = config;
  const state = new PrivateConversationState(new GuardedStorage(wiring.botStorage));
  const roles = new RoleDirectory(pcn);
  const roster = new RosterService({ roster: repos.roster, audit: repos.audit, roles, pcn, clock });
  const holidays = englandAndWalesBankHolidays();
  const broadcastService = new BroadcastService({
    broadcasts: repos.broadcasts,
    audit: repos.audit,
    pcn,
    clock,
    contactsReviewMonths,
  });
  const readOpening = openingReader(pcn);
  const referralCases = new ReferralCaseService({
    cases: repos.referralCases,
    pcn,
    pcnKey: pcnCodeOf(pcn),
    roles,
    clock,
    holidays,
    unansweredWorkingDays: config.referralCases.unansweredWorkingDays,
    random: wiring.random ?? ((max) => randomInt(max)),
    // From the roster's snapshot: trained, taking referrals and working with the practice.
    coachesForReferral: (odsCode) => Promise.resolve(roster.coachesForReferral(odsCode)),
    personalChat: wiring.personalChat,
    teamConversation: wiring.teamConversation ?? {
      send: () => Promise.resolve('unreachable' as const),
    },
    logger: logger.child('referrals'),
  });
  const runner = new DialogRunner(
    state.createProperty<DialogState>('dialogState'),
    state.createProperty<string | undefined>('lastActive'),
    // Loaded on first use, with botbuilder-dialogs: not at start, and not for turns with no dialog.
    async () => {
      const [{ ReferralDialog }, { BroadcastDialog }] = await Promise.all([
        import('./dialogs/referral/referral.dialog'),
        import('./dialogs/broadcast/broadcast.dialog'),
      ]);
      return [
        new ReferralDialog({
          pcn,
          records: repos.records,
          roles,
          clock,
          contactsReviewMonths,
          lastReferral: state.createProperty<unknown>('lastReferral'),
          idleMinutes: config.dialogIdleMinutes,
          readOpening,
        }),
        new BroadcastDialog({
          service: broadcastService,
          broadcasts: repos.broadcasts,
          channels: new TeamsChannelDirectory(repos.conversations, logger.child('channels')),
          links,
          clock,
          sendNow:
            wiring.sendNow ??
            (async (context, card) =>
              (await sendImmediately(context, { attachments: [card] }))?.id),
        }),
      ];
    },
    clock,
    config.dialogIdleMinutes,
  );
  const router = new Router(
    {
      referral: referralRoutes(
        new ReferralFormService({ pcn, readOpening }),
        new UrgentService({ pcn, clock, contactsReviewMonths }),
        referralCases,
      ),
      roles: rolesRoutes(
        new RolesService({
          pcn,
          clock,
          contactsReviewMonths,
          coaches: () =>
            roles
              .coaches()
              .flatMap((m) => (m.coach ? [{ displayName: m.displayName, ...m.coach }] : [])),
        }),
      ),
      roster: rosterRoutes(roster),
      help: helpRoutes(new HelpService({ botName: BOT_NAME, pcnName: pcn.pcnName, roles })),
      broadcast: broadcastRoutes(
        new BroadcastCommands({
          service: broadcastService,
          broadcasts: repos.broadcasts,
          links,
          clock,
          pcn,
        }),
        pcn,
        () =>
          roles
            .everyone()
            .filter((m) => m.lead)
            .map((m) => m.displayName),
      ),
      supervision: supervisionRoutes(
        new SupervisionCommands({
          supervision: repos.supervision,
          pcn,
          clock,
          holidays,
          overdueWeeks: config.supervision.overdueWeeks,
          reminderOffsets: config.supervision.reminderOffsets,
          calendar: links,
          personalChat: wiring.personalChat,
          coaches: () => roles.coaches(),
        }),
        new PastSessionReplies(clock),
      ),
      sessionLog: sessionLogRoutes(
        new SessionLogCommands({
          logs: repos.sessionLogs,
          referrals: repos.records,
          clock,
          editDays: config.sessionLogs.editDays,
          links,
          pcn: config.pcn,
          referenceLink: (reference, coachId) =>
            referralCases.recordSessionForReference(reference, coachId),
          feedback: {
            listMonth: (month) => repos.referrerFeedback.listMonth(month),
            threshold: pcn.reporting.smallNumberThreshold,
          },
        }),
      ),
      digest: digestRoutes(
        new DigestPreferences({
          digests: repos.digests,
          roles,
          clock,
          when: describeTiming(config.digest),
        }),
      ),
      referralLoop: referralLoopRoutes(
        new ReferralFeedbackService({ feedback: repos.referrerFeedback, clock }),
      ),
    },
    roles,
    runner,
    wiring.personalChat,
    wiring.members ?? teamsConversationMembers,
  );
  const riskVocabulary = riskVocabularyFor(pcn);
  prepareRiskNet(riskVocabulary);
  const bot = new HwbcBot({
    runner,
    router,
    riskVocabulary,
    // Leases are shared between instances, so they run on the wall clock, not the domain's.
    gate: new TurnGate(repos.turns, Date.now, logger.child('turns'), wiring.turnGate),
    state,
    conversations: repos.conversations,
    clock,
    logger: logger.child('bot'),
  });
  return { bot, roles, roster, holidays, referralCases };
}

export interface App {
  server: restify.Server;
  /** Listen, then start the background jobs; resolves with the address it listens on. */
  listen(): Promise<string>;
  /** Let a post in flight be recorded, then close everything. */
  stop(): Promise<void>;
}

/** Storage the app was configured with: the embedded store locally, Cosmos DB otherwise. */
async function connectStorage(
  config: AppConfig,
  logger: Logger,
): Promise<{ connection: CosmosConnection; embedded?: EmbeddedCosmos }> {
  if (config.storage.kind === 'embedded') {
    const embedded = await startEmbeddedCosmos();
    logger.warn('embedded_storage', {
      message:
        'No COSMOS_ENDPOINT set: using the embedded Cosmos-compatible store. Data is kept in memory and lost when the bot stops.',
      endpoint: embedded.endpoint,
    });
    return {
      embedded,
      connection: {
        endpoint: embedded.endpoint,
        key: embedded.key,
        database: config.storage.database,
        allowSelfSigned: true,
      },
    };
  }
  const { endpoint, database, allowSelfSigned, auth } = config.storage;
  return {
    connection: {
      endpoint,
      database,
      allowSelfSigned,
      ...(auth.kind === 'key'
        ? { key: auth.key }
        : // Loaded only for a managed identity (production), not for a key or the embedded store.
          {
            credential: new (await import('@azure/identity')).ManagedIdentityCredential({
              clientId: auth.clientId,
            }),
          }),
    },
  };
}

/** The composition root: the only place that builds infrastructure. */
export async function buildApp(config: AppConfig, clock: Clock, logger: Logger): Promise<App> {
  const { connection, embedded } = await connectStorage(config, logger);
  const { client, database } = await openDatabase(connection);
  const repositories = cosmosRepositories(database, config);
  const adapter = createAdapter(config.auth, logger);
  const appId = config.auth.kind === 'anonymous' ? '' : config.auth.appId;
  // The key the PCN's roster, referral cases and practice cards are kept under.
  const pcnCode = pcnCodeOf(config.pcn);
  // Download links need an address users can reach; locally, the listening one.
  const linkBase = { url: config.publicBaseUrl ?? '' };
  const downloadLinks = new DownloadLinks(
    config.downloadLinkSecret ?? randomBytes(32).toString('hex'),
    '',
    config.downloadLinkMinutes,
    clock,
  );
  const links: ReportLinks = {
    broadcastCsv: (jobId, user) => `${linkBase.url}${downloadLinks.broadcastCsv(jobId, user)}`,
    activityCsv: (tenantId, month, user) =>
      `${linkBase.url}${downloadLinks.activityCsv(tenantId, month, user)}`,
    supervisionCalendar: (scheduleId, key, user) =>
      `${linkBase.url}${downloadLinks.supervisionCalendar(scheduleId, key, user)}`,
  };
  const personalChat = new TeamsPersonalChat(adapter, appId, repositories.conversations);
  const { bot, roles, roster, holidays } = buildBot({
    config,
    repositories,
    personalChat,
    teamConversation: new TeamsConversationPoster(adapter, appId, repositories.conversations),
    botStorage: createBotStateStorage(connection),
    clock,
    logger,
    links,
  });
  // Seeded from the PCN file on the first start only; read at every start.
  await roster.start();
  const rosterRefresh = new RosterRefresh(() => roster.refresh(), logger.child('roster'));
  if (holidays.beyondData(clock.now().plus({ months: 6 }))) {
    logger.warn('bank_holiday_data_ending', {
      lastYear: holidays.lastYear,
      message:
        'Update src/domain/supervision/bank-holidays.england-and-wales.json from the published list.',
    });
  }
  // One gate for channel posts and reminders: Teams' tenant limit counts both.
  const rateGate = new CosmosRateGate(
    database.container(CONTAINERS.rateWindows.id),
    config.broadcast.rateMarginMs,
  );
  const reminders = new ReminderScheduler(
    {
      supervision: repositories.supervision,
      rateGate,
      messenger: new BotCoachMessenger(personalChat, logger.child('reminders')),
      holidays,
      clock,
      logger: logger.child('reminders'),
    },
    {
      pollMs: config.supervision.pollMs,
      batchSize: 100,
      tenantLimits: config.broadcast.tenantLimits,
    },
  );
  // The team as the roster now stands, read each time a digest goes.
  const team = {
    get coaches() {
      return roles.coaches();
    },
    get leads() {
      return roles.everyone().filter((m) => m.lead);
    },
  };
  // The digest reaches people in the PCN's tenant: the first allowed one (none locally: off).
  const digestTenant = config.allowedTenantIds[0];
  const digest =
    config.digest.enabled && digestTenant
      ? new WeeklyDigest(
          {
            pcn: team,
            digests: repositories.digests,
            sections: [
              coachSessionsSection(repositories.supervision, config.supervision.overdueWeeks, () =>
                clock.now(),
              ),
              overdueCoachesSection(
                repositories.supervision,
                team,
                config.supervision.overdueWeeks,
                () => clock.now(),
              ),
              postsThisWeekSection(repositories.broadcasts),
              referralsWaitingSection(
                repositories.referralCases,
                pcnCode,
                config.referralCases.unansweredWorkingDays,
                holidays,
                () => clock.now(),
              ),
            ],
            messenger: new BotDigestMessenger(personalChat, logger.child('digest')),
            clock,
            logger: logger.child('digest'),
          },
          { ...config.digest, tenantId: digestTenant },
        )
      : undefined;
  const referralUpdates = new ReferralUpdateSender(
    {
      cases: repositories.referralCases,
      pcnKey: pcnCode,
      notifier: new BotReferrerNotifier(personalChat, config.pcn),
      clock,
      logger: logger.child('referral-updates'),
      rateGate: { gate: rateGate, tenantLimits: config.broadcast.tenantLimits },
    },
    config.referralCases.updatePollMs,
  );
  // Each practice's monthly card, in the PCN's tenant (like the digest: none locally, so off).
  const practiceUpdates = digestTenant
    ? new PracticeUpdatePoster(
        {
          broadcasts: repositories.broadcasts,
          conversations: repositories.conversations,
          pcn: config.pcn,
          tenantId: digestTenant,
          milestones: async (month) => {
            const { from, to } = londonMonthBounds(month);
            const made = await repositories.referralCases.listCreatedBetween(pcnCode, from, to);
            return made.map(caseMilestones);
          },
          renderCard: (summary, practiceName, threshold) =>
            renderPracticeMonthCard(practiceMonthCardData(summary, practiceName, threshold))
              .content,
          holidays,
          clock,
          logger: logger.child('practice-updates'),
        },
        60 * 60 * 1000,
      )
    : undefined;
  const sender = new BroadcastSender(
    {
      broadcasts: repositories.broadcasts,
      rateGate,
      poster: new BotFrameworkChannelPoster(createBotFrameworkAuthentication(config.auth), appId),
      notifier: new StatusCardNotifier(adapter, appId, links, clock),
      clock,
      logger: logger.child('broadcast'),
    },
    {
      instanceId: newInstanceId(clock.now()),
      pollMs: config.broadcast.pollMs,
      leaseMs: config.broadcast.leaseMs,
      batchSize: 100,
      threadLimits: config.broadcast.threadLimits,
      tenantLimits: config.broadcast.tenantLimits,
      retry: { ...DEFAULT_RETRY, maxAttempts: config.broadcast.maxAttempts },
      maxInlineWaitMs: 5_000,
    },
  );
  const server = createServer({
    adapter,
    authenticator: createRequestAuthenticator(config.auth, logger.child('auth')),
    bot,
    logger: logger.child('http'),
    maxBodyBytes: config.maxBodyBytes,
    allowedTenantIds: config.allowedTenantIds,
    storageKind: config.storage.kind,
    probeStorage: async () => {
      await database.read();
      return true;
    },
    aboutPages: aboutPages(config.pcn.pcnName, config.sessionLogs.retentionDays),
    downloads: [
      {
        path: BROADCAST_CSV_PATH,
        handler: (params, path, query) =>
          broadcastCsvDownload(
            downloadLinks,
            repositories.broadcasts,
            path,
            params.jobId ?? '',
            query,
          ),
      },
      {
        path: ACTIVITY_CSV_PATH,
        handler: (params, path, query) =>
          activityCsvDownload(
            {
              links: downloadLinks,
              roles,
              logs: repositories.sessionLogs,
              referrals: repositories.records,
              pcn: config.pcn,
              clock,
              feedback: {
                listMonth: (month) => repositories.referrerFeedback.listMonth(month),
                threshold: config.pcn.reporting.smallNumberThreshold,
              },
            },
            path,
            params,
            query,
          ),
      },
      {
        path: SUPERVISION_CALENDAR_PATH,
        handler: (params, path, query) =>
          supervisionCalendarDownload(
            { links: downloadLinks, supervision: repositories.supervision, clock, holidays },
            path,
            params,
            query,
          ),
      },
    ],
  });

  return {
    server,
    listen: async () => {
      await new Promise<void>((resolve) => {
        server.listen(config.port, config.host, () => resolve());
      });
      const url = `http://${config.host}:${server.address().port}`;
      linkBase.url = config.publicBaseUrl ?? url;
      sender.start();
      reminders.start();
      digest?.start();
      rosterRefresh.start();
      referralUpdates.start();
      practiceUpdates?.start();
      return url;
    },
    stop: async () => {
      await Promise.all([
        sender.stop(),
        reminders.stop(),
        digest?.stop(),
        rosterRefresh.stop(),
        referralUpdates.stop(),
        practiceUpdates?.stop(),
      ]);
      server.close();
      server.server.closeAllConnections();
      client.dispose();
      await embedded?.close();
    },
  };
}
