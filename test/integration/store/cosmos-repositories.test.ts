import type { AccessToken, TokenCredential } from '@azure/identity';
import type { CosmosClient, Database } from '@azure/cosmos';
import { createBotStateStorage } from '../../../src/bot/bot-state-storage';
import { AppError } from '../../../src/errors';
import { CosmosBroadcastRepository } from '../../../src/store/broadcast.cosmos-repository';
import { CONTAINERS } from '../../../src/store/containers';
import { CosmosConversationRepository } from '../../../src/store/conversation.cosmos-repository';
import { openDatabase, type CosmosConnection } from '../../../src/store/cosmos-database';
import { startEmbeddedCosmos, type EmbeddedCosmos } from '../../../src/store/embedded-cosmos';
import { CosmosReferralRecordRepository } from '../../../src/store/referral-record.cosmos-repository';
import { CosmosSessionLogRepository } from '../../../src/store/session-log.cosmos-repository';
import { CosmosSupervisionRepository } from '../../../src/store/supervision.cosmos-repository';
import { channel } from './contracts/conversation.contract';
import { record, STORED_RECORD_FIELDS } from './contracts/referral-record.contract';

/**
 * What only the Cosmos DB implementations have: the database and its containers, the documents
 * as stored, botbuilder's state on the same server, and signing in. What every implementation of
 * a repository does is in ./contracts, run against Cosmos and memory by store-contracts.test.ts.
 */
let embedded: EmbeddedCosmos;
let connection: CosmosConnection;
let client: CosmosClient;
let database: Database;

beforeAll(async () => {
  embedded = await startEmbeddedCosmos();
  connection = {
    endpoint: embedded.endpoint,
    key: embedded.key,
    database: 'store-tests',
    allowSelfSigned: true,
  };
  ({ client, database } = await openDatabase(connection));
});

afterAll(async () => {
  client.dispose();
  await embedded.close();
});

const container = (name: keyof typeof CONTAINERS) => database.container(CONTAINERS[name].id);

describe('opening the database', () => {
  it('creates the database and every container the bot uses, and is safe to run twice', async () => {
    const again = await openDatabase(connection);
    again.client.dispose();
    const { resources } = await database.containers.readAll().fetchAll();
    expect(resources.map((c) => c.id).sort()).toEqual(
      Object.values(CONTAINERS)
        .map((c) => c.id)
        .sort(),
    );
    const conversations = resources.find((c) => c.id === CONTAINERS.conversations.id);
    expect(conversations?.partitionKey?.paths).toEqual(['/tenantId']);
  });

  it('keeps connections to the embedded server open: calls one after another share one', async () => {
    const requestsBefore = embedded.requests();
    const connectionsBefore = embedded.connections();
    for (let i = 0; i < 20; i += 1) {
      await database.read();
    }
    expect(embedded.requests() - requestsBefore).toBeGreaterThanOrEqual(20);
    expect(embedded.connections() - connectionsBefore).toBeLessThanOrEqual(1);
  });

  it('fails with a coded storage error when nothing answers at the endpoint', async () => {
    const closed = await startEmbeddedCosmos();
    const endpoint = closed.endpoint;
    await closed.close();
    await expect(openDatabase({ ...connection, endpoint })).rejects.toMatchObject({
      code: 'STORAGE_UNAVAILABLE',
    });
  });
});

describe('documents written straight into a container are checked on the way out', () => {
  const invalid = { code: 'STORED_DOCUMENT_INVALID' };

  it('refuses a stored document that is not a conversation', async () => {
    const repo = new CosmosConversationRepository(container('conversations'));
    await container('conversations').items.create({
      tenantId: 'tenant-3',
      kind: 'channel',
      active: true,
      junk: 1,
    });
    await expect(repo.listActive('tenant-3', 'channel')).rejects.toBeInstanceOf(AppError);
    await expect(repo.listActive('tenant-3', 'channel')).rejects.toMatchObject(invalid);
  });

  it('refuses a stored referral record with an outcome the bot never writes', async () => {
    const repo = new CosmosReferralRecordRepository(container('referralRecords'));
    await container('referralRecords').items.create({
      ...record(),
      month: '2027-02',
      outcome: 'maybe',
    });
    await expect(repo.listMonth('2027-02')).rejects.toMatchObject(invalid);
  });

  it('refuses a stored session log with no entry', async () => {
    const repo = new CosmosSessionLogRepository(container('sessionLogs'), 3600);
    await container('sessionLogs').items.create({
      id: 'log-x',
      logId: 'log-x',
      coachId: 'coach-x',
      tenantId: 'tenant-x',
      month: '2026-11',
    });
    await expect(repo.get('coach-x', 'log-x')).rejects.toMatchObject(invalid);
    await expect(repo.listForCoach('coach-x', '2026-11')).rejects.toMatchObject(invalid);
  });

  it('refuses a stored schedule with no schedule in it', async () => {
    const repo = new CosmosSupervisionRepository(container('supervision'));
    await container('supervision').items.create({
      id: 'schedule-s1',
      type: 'schedule',
      coachId: 'coach-x',
      nextReminderAt: '2026-01-01T00:00:00.000Z',
    });
    await expect(repo.getSchedule('coach-x', 's1')).rejects.toMatchObject(invalid);
    await expect(repo.dueReminders('2026-01-02T00:00:00.000Z', 10)).rejects.toMatchObject(invalid);
  });

  it('refuses a stored job or delivery that is missing its fields', async () => {
    const repo = new CosmosBroadcastRepository(container('broadcasts'));
    await container('broadcasts').items.create({ id: 'job-j1', jobId: 'j1', type: 'job' });
    await container('broadcasts').items.create({
      id: 'd1',
      jobId: 'j1',
      type: 'delivery',
      status: 'pending',
      dueAt: '2026-01-01T00:00:00.000Z',
    });
    await expect(repo.getJob('j1')).rejects.toMatchObject(invalid);
    await expect(repo.listDeliveries('j1')).rejects.toMatchObject(invalid);
    await expect(repo.dueDeliveries('2026-01-02T00:00:00.000Z', 10)).rejects.toMatchObject(invalid);
  });
});

describe('anonymous referral records as stored in Cosmos', () => {
  it('stores nothing beyond the anonymous fields (plus the retention ttl when set)', async () => {
    const repo = new CosmosReferralRecordRepository(container('referralRecords'), 3600);
    await repo.add(
      'conv|user|activity-9',
      record({ month: '2027-01', completedAt: '2027-01-05T09:00:00.000Z' }),
    );
    const { resources } = await container('referralRecords')
      .items.query({
        query: 'SELECT * FROM c WHERE c.month = @m',
        parameters: [{ name: '@m', value: '2027-01' }],
      })
      .fetchAll();
    const keys = Object.keys(resources[0] as object).filter((k) => !k.startsWith('_'));
    expect(keys.sort()).toEqual([...STORED_RECORD_FIELDS, 'ttl'].sort());
  });
});
describe("botbuilder's CosmosDbPartitionedStorage on the same server", () => {
  it('reads and writes state with ETag concurrency', async () => {
    const storage = createBotStateStorage(connection);
    const key = 'msteams/conversations/19:general@thread.tacv2/users/29:gp-one';
    await storage.write({ [key]: { step: 1 } });
    const first = (await storage.read([key]))[key] as { step: number; eTag: string };
    expect(first.step).toBe(1);
    await storage.write({ [key]: { ...first, step: 2 } });
    // A write based on the stale ETag is refused rather than overwriting the newer state.
    await expect(storage.write({ [key]: { ...first, step: 3 } })).rejects.toBeDefined();
    expect(((await storage.read([key]))[key] as { step: number }).step).toBe(2);
  });
});

describe('signing in with a managed identity instead of a key', () => {
  /**
   * Stands in for the app's managed identity (Azure cannot run here). Like the real one it hands out
   * a bearer token for the scope asked, with an expiry; it records what was asked.
   */
  class RecordingCredential implements TokenCredential {
    readonly scopes: string[] = [];
    getToken(scopes: string | string[]): Promise<AccessToken> {
      this.scopes.push(...(Array.isArray(scopes) ? scopes : [scopes]));
      return Promise.resolve({
        token: 'token-from-identity',
        expiresOnTimestamp: Date.now() + 3600_000,
      });
    }
  }

  it("asks the identity for a Cosmos token for the account and uses it, for our repositories and botbuilder's state", async () => {
    const credential = new RecordingCredential();
    const viaIdentity: CosmosConnection = {
      endpoint: embedded.endpoint,
      credential,
      database: 'store-tests',
      allowSelfSigned: true,
    };
    const opened = await openDatabase(viaIdentity);
    try {
      const repo = new CosmosConversationRepository(
        opened.database.container(CONTAINERS.conversations.id),
      );
      await repo.upsert(channel({ conversationId: '19:identity@thread.tacv2' }));
      expect((await repo.get('tenant-1', '19:identity@thread.tacv2'))?.channelName).toBe('General');
      const state = createBotStateStorage(viaIdentity);
      await state.write({ 'identity/state': { step: 1 } });
      expect(
        ((await state.read(['identity/state']))['identity/state'] as { step: number }).step,
      ).toBe(1);
    } finally {
      opened.client.dispose();
    }
    const origin = new URL(embedded.endpoint).origin;
    expect(new Set(credential.scopes)).toEqual(new Set([`${origin}/.default`]));
  });
});
