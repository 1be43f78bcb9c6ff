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
