import type { AccessToken, TokenCredential } from '@azure/identity';
import type { CosmosClient, Database } from '@azure/cosmos';
import { createBotStateStorage } from '../../../src/bot/bot-state-storage';
import { AppError } from '../../../src/errors';
import type { StoredConversation } from '../../../src/domain/conversation';
import type { ReferralRecord } from '../../../src/domain/referral/referral-record';
import { CONTAINERS } from '../../../src/store/containers';
import { CosmosConversationRepository } from '../../../src/store/conversation.cosmos-repository';
import { openDatabase, type CosmosConnection } from '../../../src/store/cosmos-database';
import { startEmbeddedCosmos, type EmbeddedCosmos } from '../../../src/store/embedded-cosmos';
import { CosmosReferralRecordRepository } from '../../../src/store/referral-record.cosmos-repository';

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

const channel = (overrides: Partial<StoredConversation> = {}): StoredConversation => ({
  tenantId: 'tenant-1',
  conversationId: '19:general@thread.tacv2',
  kind: 'channel',
  serviceUrl: 'https://smba.example.test/uk/',
  teamId: '19:team@thread.tacv2',
  channelId: '19:general@thread.tacv2',
  channelName: 'General',
  active: true,
  updatedAt: '2026-11-23T09:00:00.000Z',
  reference: { conversation: { id: '19:general@thread.tacv2' }, bot: { id: '28:bot' } },
  ...overrides,
});

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

  it('fails with a coded storage error when nothing answers at the endpoint', async () => {
    const closed = await startEmbeddedCosmos();
    const endpoint = closed.endpoint;
    await closed.close();
    await expect(openDatabase({ ...connection, endpoint })).rejects.toMatchObject({
      code: 'STORAGE_UNAVAILABLE',
    });
  });
});

describe('conversation references in Cosmos', () => {
  const repo = (): CosmosConversationRepository =>
    new CosmosConversationRepository(database.container(CONTAINERS.conversations.id));

  it('stores, reads back and lists active conversations by tenant and kind', async () => {
    await repo().upsert(channel());
    await repo().upsert(
      channel({ conversationId: '19:other@thread.tacv2', channelName: 'Announcements' }),
    );
    await repo().upsert(channel({ tenantId: 'tenant-2' }));
    await repo().upsert(
      channel({ conversationId: 'a:1:1', kind: 'personal', userAadObjectId: 'u-1' }),
    );

    expect(await repo().get('tenant-1', '19:general@thread.tacv2')).toEqual(channel());
    const listed = await repo().listActive('tenant-1', 'channel');
    expect(listed.map((c) => c.channelName).sort()).toEqual(['Announcements', 'General']);
  });

  it('replaces rather than duplicates on every message', async () => {
    await repo().upsert(channel({ updatedAt: '2026-11-23T10:00:00.000Z' }));
    await repo().upsert(channel({ updatedAt: '2026-11-23T11:00:00.000Z' }));
    const listed = await repo().listActive('tenant-1', 'channel');
    expect(listed.filter((c) => c.conversationId === '19:general@thread.tacv2')).toHaveLength(1);
  });

  it('marks a conversation inactive on uninstall, and leaves it out of active lists', async () => {
    await repo().upsert(channel({ conversationId: '19:gone@thread.tacv2' }));
    await repo().markInactive('tenant-1', '19:gone@thread.tacv2', '2026-11-24T00:00:00.000Z');
    expect(await repo().get('tenant-1', '19:gone@thread.tacv2')).toMatchObject({
      active: false,
      updatedAt: '2026-11-24T00:00:00.000Z',
    });
    expect(
      (await repo().listActive('tenant-1', 'channel')).map((c) => c.conversationId),
    ).not.toContain('19:gone@thread.tacv2');
  });

  it('treats a missing conversation as absent, and marking it inactive as a no-op', async () => {
    expect(await repo().get('tenant-1', 'nope')).toBeUndefined();
    await expect(
      repo().markInactive('tenant-1', 'nope', '2026-11-24T00:00:00.000Z'),
    ).resolves.toBeUndefined();
  });

  it('refuses a stored document that is not a conversation', async () => {
    const container = database.container(CONTAINERS.conversations.id);
    await container.items.create({ tenantId: 'tenant-3', kind: 'channel', active: true, junk: 1 });
    await expect(repo().listActive('tenant-3', 'channel')).rejects.toBeInstanceOf(AppError);
  });
});

describe('anonymous referral records in Cosmos', () => {
  const record = (overrides: Partial<ReferralRecord> = {}): ReferralRecord => ({
    month: '2026-11',
    completedAt: '2026-11-23T10:00:00.000Z',
    practice: 'Y00001',
    outcome: 'refer',
    primaryRoute: 'hwbc',
    secondaryRoute: null,
    declinedRoute: null,
    reasons: ['need-behaviour-change', 'ltc-present'],
    askedBy: 'referrer',
    ...overrides,
  });

  it('saves a record once per key, so a redelivered activity does not count twice', async () => {
    const repo = new CosmosReferralRecordRepository(
      database.container(CONTAINERS.referralRecords.id),
    );
    expect(await repo.add('conv|user|activity-1', record())).toBe(true);
    expect(await repo.add('conv|user|activity-1', record())).toBe(false);
    expect(
      await repo.add('conv|user|activity-2', record({ completedAt: '2026-11-23T11:00:00.000Z' })),
    ).toBe(true);
    expect(
      await repo.add(
        'conv|user|activity-3',
        record({ month: '2026-12', completedAt: '2026-12-01T09:00:00.000Z' }),
      ),
    ).toBe(true);
    const november = await repo.listMonth('2026-11');
    expect(november.map((r) => r.completedAt)).toEqual([
      '2026-11-23T10:00:00.000Z',
      '2026-11-23T11:00:00.000Z',
    ]);
  });

  it('stores nothing beyond the anonymous fields (plus the retention ttl when set)', async () => {
    const repo = new CosmosReferralRecordRepository(
      database.container(CONTAINERS.referralRecords.id),
      3600,
    );
    await repo.add(
      'conv|user|activity-9',
      record({ month: '2027-01', completedAt: '2027-01-05T09:00:00.000Z' }),
    );
    const { resources } = await database
      .container(CONTAINERS.referralRecords.id)
      .items.query({
        query: 'SELECT * FROM c WHERE c.month = @m',
        parameters: [{ name: '@m', value: '2027-01' }],
      })
      .fetchAll();
    const keys = Object.keys(resources[0] as object).filter((k) => !k.startsWith('_'));
    expect(keys.sort()).toEqual(
      [
        'id',
        'month',
        'completedAt',
        'practice',
        'outcome',
        'primaryRoute',
        'secondaryRoute',
        'declinedRoute',
        'reasons',
        'askedBy',
        'ttl',
      ].sort(),
    );
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
