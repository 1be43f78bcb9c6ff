import { randomInt } from 'node:crypto';
import { ReferralCaseService } from '../../src/dialogs/referral/referral-case.service';
import { fixedClock, type Clock } from '../../src/domain/clock';
import type { PcnConfig } from '../../src/domain/pcn-config';
import { RoleDirectory } from '../../src/domain/roles';
import { englandAndWalesBankHolidays } from '../../src/domain/supervision/bank-holidays';
import { createLogger } from '../../src/logger';
import { MemoryReferralCaseRepository } from '../../src/store/memory/referral-case.memory-repository';
import type { ReferralCaseRepository } from '../../src/store/referral-case.repository';
import { RecordingPersonalChat } from './recording-personal-chat';
import type { ReferralCase } from '../../src/domain/referral-loop/referral-case';

/** A case as sent by the example GP from Y00001 to the coaching team on Monday 23 November 2026. */
export function referralCase(overrides: Partial<ReferralCase> = {}): ReferralCase {
  return {
    reference: 'HC-7K3Q',
    pcn: 'riverside',
    tenantId: 'aaaaaaaa-0000-0000-0000-000000000001',
    sendKey: 'send-1',
    practice: 'Y00001',
    route: 'hwbc',
    reasons: ['ltc-present', 'need-behaviour-change'],
    whatMatters: ['behaviour'],
    referrerId: 'gp-1',
    createdAt: '2026-11-23T09:00:00.000Z',
    state: 'sent',
    stateAt: '2026-11-23T09:00:00.000Z',
    assignedTo: null,
    notForCoachingReason: null,
    outcome: null,
    pendingUpdates: [],
    lastUpdateOn: null,
    ...overrides,
  };
}

/** The referral case service over an in-memory store, for service and router tests. */
export function referralCaseService(
  pcn: PcnConfig,
  options: {
    cases?: ReferralCaseRepository;
    random?: (max: number) => number;
    chat?: RecordingPersonalChat;
    clock?: Clock;
  } = {},
) {
  const cases = options.cases ?? new MemoryReferralCaseRepository();
  const chat = options.chat ?? new RecordingPersonalChat();
  const clock = options.clock ?? fixedClock('2026-11-23T09:00:00Z');
  const service = new ReferralCaseService({
    cases,
    pcn,
    pcnKey: 'riverside',
    roles: new RoleDirectory(pcn),
    clock,
    holidays: englandAndWalesBankHolidays(),
    unansweredWorkingDays: 2,
    random: options.random ?? ((max) => randomInt(max)),
    coachesForReferral: (odsCode) =>
      Promise.resolve(
        pcn.coaches.filter((c) => c.practices.length === 0 || c.practices.includes(odsCode)),
      ),
    personalChat: chat,
    teamConversation: { send: () => Promise.resolve('unreachable') },
    logger: createLogger('error', () => undefined),
  });
  return { service, cases, chat, clock };
}
