import type { StoredConversation } from '../../../../src/domain/conversation';
import type { ConversationRepository } from '../../../../src/store/conversation.repository';
import { present } from '../../../helpers/present';

export const channel = (overrides: Partial<StoredConversation> = {}): StoredConversation => ({
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

/** What every ConversationRepository does; `repo()` is a new, empty one in each test. */
export function describeConversationContract(repo: () => ConversationRepository): void {
  describe('ConversationRepository contract', () => {
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
      expect(await repo().listActive('tenant-1', 'personal')).toEqual([
        channel({ conversationId: 'a:1:1', kind: 'personal', userAadObjectId: 'u-1' }),
      ]);
      expect(await repo().listActive('tenant-3', 'channel')).toEqual([]);
    });

    it('replaces rather than duplicates on every message', async () => {
      await repo().upsert(channel({ updatedAt: '2026-11-23T10:00:00.000Z' }));
      await repo().upsert(channel({ updatedAt: '2026-11-23T11:00:00.000Z' }));
      const listed = await repo().listActive('tenant-1', 'channel');
      expect(listed.filter((c) => c.conversationId === '19:general@thread.tacv2')).toHaveLength(1);
      expect(await repo().get('tenant-1', '19:general@thread.tacv2')).toMatchObject({
        updatedAt: '2026-11-23T11:00:00.000Z',
      });
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

    it('makes a conversation active again when it is stored again after an uninstall', async () => {
      await repo().upsert(channel());
      await repo().markInactive('tenant-1', '19:general@thread.tacv2', '2026-11-24T00:00:00.000Z');
      await repo().upsert(channel({ updatedAt: '2026-11-25T00:00:00.000Z' }));
      expect(await repo().listActive('tenant-1', 'channel')).toEqual([
        channel({ updatedAt: '2026-11-25T00:00:00.000Z' }),
      ]);
    });

    it('treats a missing conversation as absent, and marking it inactive as a no-op', async () => {
      expect(await repo().get('tenant-1', 'nope')).toBeUndefined();
      await expect(
        repo().markInactive('tenant-1', 'nope', '2026-11-24T00:00:00.000Z'),
      ).resolves.toBeUndefined();
      expect(await repo().get('tenant-1', 'nope')).toBeUndefined();
    });

    it('keeps tenants apart: the same conversation id in another tenant is another conversation', async () => {
      await repo().upsert(channel());
      await repo().upsert(channel({ tenantId: 'tenant-2', channelName: 'Theirs' }));
      await repo().markInactive('tenant-2', '19:general@thread.tacv2', '2026-11-24T00:00:00.000Z');
      expect(await repo().get('tenant-1', '19:general@thread.tacv2')).toEqual(channel());
      expect(await repo().get('tenant-2', '19:general@thread.tacv2')).toMatchObject({
        channelName: 'Theirs',
        active: false,
      });
    });

    it('takes Teams ids holding characters a Cosmos id may not (/ \\ ? #)', async () => {
      const odd = 'a:1/2\\3?4#5';
      await repo().upsert(channel({ conversationId: odd, kind: 'groupChat' }));
      expect(await repo().get('tenant-1', odd)).toMatchObject({ conversationId: odd });
      expect(await repo().listActive('tenant-1', 'groupChat')).toHaveLength(1);
    });

    it('hands out copies: changing what was read changes nothing stored', async () => {
      await repo().upsert(channel());
      const read = present(await repo().get('tenant-1', '19:general@thread.tacv2'));
      read.channelName = 'Changed';
      read.reference.bot = 'changed';
      expect(await repo().get('tenant-1', '19:general@thread.tacv2')).toEqual(channel());
    });

    it('refuses to store a conversation that does not fit the schema', async () => {
      await expect(repo().upsert(channel({ serviceUrl: '' }))).rejects.toThrow();
      expect(await repo().get('tenant-1', '19:general@thread.tacv2')).toBeUndefined();
    });
  });
}
