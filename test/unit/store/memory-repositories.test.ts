import { CONTAINERS } from '../../../src/store/containers';
import { MemoryBroadcastRepository } from '../../../src/store/memory/broadcast.memory-repository';
import { MemoryConversationRepository } from '../../../src/store/memory/conversation.memory-repository';
import { MemoryContainer } from '../../../src/store/memory/memory-container';
import { MemoryRateGate } from '../../../src/store/memory/rate-window.memory-store';
import { MemoryReferralRecordRepository } from '../../../src/store/memory/referral-record.memory-repository';
import { MemorySessionLogRepository } from '../../../src/store/memory/session-log.memory-repository';
import { MemorySupervisionRepository } from '../../../src/store/memory/supervision.memory-repository';
import {
  record,
  STORED_RECORD_FIELDS,
} from '../../integration/store/contracts/referral-record.contract';

/**
 * What only the in-memory twins have to show: they check what they hold on the way out, as the
 * Cosmos repositories do (test/integration/store/cosmos-repositories.test.ts), and keep the same
 * documents. Their behaviour as repositories is in the contracts.
 */
const containerFor = (name: keyof typeof CONTAINERS): MemoryContainer =>
  new MemoryContainer(CONTAINERS[name].partitionKey);
const invalid = { code: 'STORED_DOCUMENT_INVALID' };

describe('in-memory repositories check stored documents on the way out', () => {
  it('refuses a stored document that is not a conversation', async () => {
    const held = containerFor('conversations');
    held.create({ tenantId: 'tenant-3', kind: 'channel', active: true, junk: 1 });
    const repo = new MemoryConversationRepository(held);
    await expect(repo.listActive('tenant-3', 'channel')).rejects.toMatchObject(invalid);
  });

  it('refuses a stored referral record with an outcome the bot never writes', async () => {
    const held = containerFor('referralRecords');
    held.create({ ...record(), month: '2027-02', outcome: 'maybe' });
    const repo = new MemoryReferralRecordRepository(held);
    await expect(repo.listMonth('2027-02')).rejects.toMatchObject(invalid);
  });

  it('refuses a stored session log with no entry', async () => {
    const held = containerFor('sessionLogs');
    held.create({
      id: 'log-x',
      logId: 'log-x',
      coachId: 'coach-x',
      tenantId: 't',
      month: '2026-11',
    });
    const repo = new MemorySessionLogRepository(held);
    await expect(repo.get('coach-x', 'log-x')).rejects.toMatchObject(invalid);
    await expect(repo.listForCoach('coach-x', '2026-11')).rejects.toMatchObject(invalid);
  });

  it('refuses a stored schedule with no schedule in it', async () => {
    const held = containerFor('supervision');
    held.create({
      id: 'schedule-s1',
      type: 'schedule',
      coachId: 'coach-x',
      nextReminderAt: '2026-01-01T00:00:00.000Z',
    });
    const repo = new MemorySupervisionRepository(held);
    await expect(repo.getSchedule('coach-x', 's1')).rejects.toMatchObject(invalid);
    await expect(repo.dueReminders('2026-01-02T00:00:00.000Z', 10)).rejects.toMatchObject(invalid);
  });

  it('refuses a stored job or delivery that is missing its fields', async () => {
    const held = containerFor('broadcasts');
    held.create({ id: 'job-j1', jobId: 'j1', type: 'job' });
    held.create({
      id: 'd1',
      jobId: 'j1',
      type: 'delivery',
      status: 'pending',
      dueAt: '2026-01-01T00:00:00.000Z',
    });
    const repo = new MemoryBroadcastRepository(held);
    await expect(repo.getJob('j1')).rejects.toMatchObject(invalid);
    await expect(repo.listDeliveries('j1')).rejects.toMatchObject(invalid);
    await expect(repo.dueDeliveries('2026-01-02T00:00:00.000Z', 10)).rejects.toMatchObject(invalid);
  });

  it('refuses a send window whose times are not numbers', async () => {
    const held = containerFor('rateWindows');
    held.create({ id: 'channel-a', sends: ['soon'] });
    const gate = new MemoryRateGate(held);
    await expect(
      gate.reserve([{ key: 'channel-a', windows: [{ limit: 1, seconds: 1 }] }], () => 0),
    ).rejects.toMatchObject(invalid);
  });
});

describe('anonymous referral records as held in memory', () => {
  it('holds nothing beyond the anonymous fields (no ttl: memory keeps no retention)', async () => {
    const held = containerFor('referralRecords');
    await new MemoryReferralRecordRepository(held).add('conv|user|activity-9', record());
    const [stored] = held.query(() => true);
    expect(Object.keys(stored?.body ?? {}).sort()).toEqual([...STORED_RECORD_FIELDS].sort());
    expect(JSON.stringify(stored?.body)).not.toContain('conv|user');
  });
});
