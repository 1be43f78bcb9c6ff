/**
 * Every Cosmos DB container the bot uses, with its partition key. The infrastructure template
 * declares the same list; a test keeps the two in step.
 */
export interface ContainerSpec {
  id: string;
  partitionKey: string;
  /** Seconds; -1 turns TTL on with no default, so each document may carry its own `ttl`. */
  defaultTtl?: number;
  /**
   * The paths indexed (range indexes), when not every path: each of the container's queries
   * filters and orders only on these, so Cosmos DB answers them from the index.
   */
  indexedPaths?: readonly string[];
}

export const CONTAINERS = {
  /** Dialog and conversation state, written by botbuilder's CosmosDbPartitionedStorage. */
  botState: { id: 'botState', partitionKey: '/id' },
  /** Conversation references for proactive messages, per tenant. */
  conversations: { id: 'conversations', partitionKey: '/tenantId' },
  /** Anonymous referral outcomes, per month. */
  referralRecords: { id: 'referralRecords', partitionKey: '/month', defaultTtl: -1 },
  /** Channel broadcast jobs and their deliveries, together per job. */
  broadcasts: { id: 'broadcasts', partitionKey: '/jobId' },
  /** Recent send times per conversation and per tenant, shared by every instance's sender. */
  rateWindows: { id: 'rateWindows', partitionKey: '/id' },
  /**
   * Coaches' supervision schedules and what happened at each session, per coach. The due-reminder
   * query is a range on /nextReminderAt ordered by it (its range index); a coach's schedules and
   * records are found by /coachId and /type.
   */
  supervision: {
    id: 'supervision',
    partitionKey: '/coachId',
    indexedPaths: ['/nextReminderAt/?', '/coachId/?', '/type/?'],
  },
  /** Coaching session logs, per coach; each carries a retention ttl. */
  sessionLogs: { id: 'sessionLogs', partitionKey: '/coachId', defaultTtl: -1 },
  /** Referrals sent to the coaching team, per PCN (a reference is unique within it); each has a ttl. */
  referralCases: { id: 'referralCases', partitionKey: '/pcn', defaultTtl: -1 },
  /** Referrers' answers to the monthly feedback card, per month (one per referrer, id hashed). */
  referrerFeedback: { id: 'referrerFeedback', partitionKey: '/month' },
  /** Inbound activity ids (so a Teams redelivery is applied once) and per-user turn leases. */
  turns: { id: 'turns', partitionKey: '/id', defaultTtl: -1 },
  /** Who did what: posts to channels, schedule changes. */
  audit: { id: 'audit', partitionKey: '/tenantId' },
  /** The PCN's leads and coaches, per PCN (its ODS code), seeded once from the PCN file. */
  roster: { id: 'roster', partitionKey: '/pcnCode' },
} as const satisfies Record<string, ContainerSpec>;

export type ContainerName = keyof typeof CONTAINERS;
