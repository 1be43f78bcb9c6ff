import { DateTime } from 'luxon';
import {
  planBroadcast,
  type BroadcastJob,
  type ChannelTarget,
  type Delivery,
} from '../../../../src/domain/broadcast/broadcast';
import type { BroadcastRepository } from '../../../../src/store/broadcast.repository';
import type { Versioned } from '../../../../src/store/versioned';
import { channel } from '../../../helpers/channel-target';
import { present } from '../../../helpers/present';

const NOW = '2026-11-23T09:00:00.000Z';
const at = (iso: string, minutes: number): string =>
  DateTime.fromISO(iso, { zone: 'utc' }).plus({ minutes }).toISO() ?? '';

const target = (name: string): ChannelTarget => channel('https://smba.example.test/uk/', name);

/** A job planned at `createdAt` (its first posts due then), one card to each channel, weekly. */
export function plannedJob(
  jobId: string,
  options: {
    createdAt?: string;
    channels?: number;
    weeks?: number;
    tenantId?: string;
    createdBy?: string;
  } = {},
): { job: BroadcastJob; deliveries: Delivery[] } {
  const plan = planBroadcast(
    {
      jobId,
      tenantId: options.tenantId ?? 'tenant-1',
      createdBy: options.createdBy ?? 'lead-1',
      createdByName: 'Sam Lead',
      audience: 'general',
      cards: [{ key: 'what', title: 'What a coach does', content: { type: 'AdaptiveCard' } }],
      targets: Array.from({ length: options.channels ?? 1 }, (_v, i) => target(`channel-${i}`)),
      repeatWeeks: options.weeks ?? 1,
    },
    DateTime.fromISO(options.createdAt ?? NOW, { zone: 'utc' }),
  );
  if ('problem' in plan) {
    throw new Error(plan.problem);
  }
  return plan;
}

const byId = (deliveries: readonly Delivery[]): Delivery[] =>
  [...deliveries].sort((a, b) => a.deliveryId.localeCompare(b.deliveryId));

/** What every BroadcastRepository does; `repo()` is a new, empty one in each test. */
export function describeBroadcastContract(repo: () => BroadcastRepository): void {
  describe('BroadcastRepository contract', () => {
    /** The stored version of each of the job's deliveries, by id, as the sender would read them. */
    async function versions(jobId: string): Promise<Map<string, Versioned<Delivery>>> {
      const due = await repo().dueDeliveries(at(NOW, 60 * 24 * 7 * 52), 1000);
      return new Map(
        due.filter((d) => d.value.jobId === jobId).map((d) => [d.value.deliveryId, d]),
      );
    }

    /** Move one pending delivery on to `change`, as the sender does. */
    async function setDelivery(
      deliveryId: string,
      jobId: string,
      change: Partial<Delivery>,
    ): Promise<void> {
      const current = present((await versions(jobId)).get(deliveryId), deliveryId);
      present(
        await repo().replaceIfUnchanged(current, { ...current.value, ...change }),
        'replaced',
      );
    }

    it('creates a job with all its deliveries, the job active once they are stored', async () => {
      const { job, deliveries } = plannedJob('job-1', { channels: 2, weeks: 2 });
      const created = await repo().createJob(job, deliveries);
      expect(created).toEqual({ ...job, status: 'active' });
      expect(await repo().getJob('job-1')).toEqual({ ...job, status: 'active' });
      expect(byId(await repo().listDeliveries('job-1'))).toEqual(byId(deliveries));
    });

    it('made a second time (another instance, a repeated pass), changes nothing already sent', async () => {
      const { job, deliveries } = plannedJob('job-1', { channels: 2 });
      await repo().createJob(job, deliveries);
      const [first] = byId(deliveries);
      await setDelivery(present(first).deliveryId, 'job-1', {
        status: 'sent',
        sentAt: NOW,
        messageId: 'act-1',
      });
      const again = await repo().createJob(job, deliveries);
      expect(again.status).toBe('active');
      const stored = byId(await repo().listDeliveries('job-1'));
      expect(stored.map((d) => d.status)).toEqual(
        byId(deliveries).map((d) => (d.deliveryId === first?.deliveryId ? 'sent' : 'pending')),
      );
      await repo().saveJob({ ...again, status: 'cancelled' });
      expect((await repo().createJob(job, deliveries)).status).toBe('cancelled');
      expect((await repo().getJob('job-1'))?.status).toBe('cancelled');
    });

    it('knows no job, and no deliveries, for an id it never stored', async () => {
      await repo().createJob(plannedJob('job-1').job, plannedJob('job-1').deliveries);
      expect(await repo().getJob('job-2')).toBeUndefined();
      expect(await repo().listDeliveries('job-2')).toEqual([]);
    });

    it('saves a job again with what changed, such as where its status card is', async () => {
      const { job, deliveries } = plannedJob('job-1');
      const active = await repo().createJob(job, deliveries);
      const withCard: BroadcastJob = {
        ...active,
        statusCard: { reference: { conversation: { id: 'a:lead' } }, activityId: 'act-1' },
      };
      await repo().saveJob(withCard);
      expect(await repo().getJob('job-1')).toEqual(withCard);
      expect(await repo().listDeliveries('job-1')).toHaveLength(1);
    });

    it("lists one lead's jobs in one tenant, newest first", async () => {
      const jobs = [
        plannedJob('middle', { createdAt: '2026-11-20T09:00:00.000Z' }),
        plannedJob('newest', { createdAt: '2026-11-22T09:00:00.000Z' }),
        plannedJob('oldest', { createdAt: '2026-11-01T09:00:00.000Z' }),
        plannedJob('other-lead', { createdBy: 'lead-2' }),
        plannedJob('other-tenant', { tenantId: 'tenant-2' }),
      ];
      for (const { job, deliveries } of jobs) {
        await repo().createJob(job, deliveries);
      }
      const listed = await repo().listJobs('tenant-1', 'lead-1');
      expect(listed.map((j) => j.jobId)).toEqual(['newest', 'middle', 'oldest']);
      expect(listed.every((j) => j.status === 'active')).toBe(true);
      expect(await repo().listJobs('tenant-2', 'lead-2')).toEqual([]);
    });

    it('finds pending deliveries due by now, oldest first, up to the limit', async () => {
      const weekly = plannedJob('weekly', { weeks: 3 });
      const earlier = plannedJob('earlier', { createdAt: at(NOW, -60) });
      await repo().createJob(weekly.job, weekly.deliveries);
      await repo().createJob(earlier.job, earlier.deliveries);
      const ids = async (now: string, limit: number): Promise<string[]> =>
        (await repo().dueDeliveries(now, limit)).map((d) => d.value.deliveryId);
      expect(await ids(NOW, 10)).toEqual(['earlier-0-0-0', 'weekly-0-0-0']);
      expect(await ids(at(NOW, -1), 10)).toEqual(['earlier-0-0-0']);
      expect(await ids(at(NOW, 60 * 24 * 7), 10)).toEqual([
        'earlier-0-0-0',
        'weekly-0-0-0',
        'weekly-1-0-0',
      ]);
      expect(await ids(at(NOW, 60 * 24 * 14), 2)).toEqual(['earlier-0-0-0', 'weekly-0-0-0']);
      expect(await ids(at(NOW, -120), 10)).toEqual([]);
      const [first] = await repo().dueDeliveries(NOW, 1);
      expect(first?.value).toEqual(earlier.deliveries[0]);
      expect(first?.etag).toEqual(expect.any(String));
      expect(first?.etag).not.toBe('');
    });

    it('leaves out pending deliveries to the channels it is told to skip, never stuck ones', async () => {
      const { job, deliveries } = plannedJob('job-1', { channels: 3, createdAt: at(NOW, -60) });
      await repo().createJob(job, deliveries);
      await setDelivery('job-1-0-2-0', 'job-1', {
        status: 'sending',
        leaseOwner: 'instance-a',
        leaseUntil: at(NOW, -1),
      });
      const due = async (skip: string[]): Promise<string[]> =>
        (await repo().dueDeliveries(NOW, 20, skip)).map((d) => d.value.deliveryId).sort();
      expect(await due([])).toEqual(['job-1-0-0-0', 'job-1-0-1-0', 'job-1-0-2-0']);
      expect(await due(['19:channel-0@thread.tacv2', '19:channel-2@thread.tacv2'])).toEqual([
        'job-1-0-1-0',
        'job-1-0-2-0',
      ]);
    });

    it('also hands back deliveries stuck in sending once the lease has run out, and none that are done', async () => {
      const { job, deliveries } = plannedJob('job-1', { channels: 8, createdAt: at(NOW, -60) });
      await repo().createJob(job, deliveries);
      const lease = (minutes: number): Partial<Delivery> => ({
        status: 'sending',
        leaseOwner: 'instance-a',
        leaseUntil: at(NOW, minutes),
      });
      await setDelivery('job-1-0-0-0', 'job-1', lease(-1));
      await setDelivery('job-1-0-1-0', 'job-1', lease(0));
      await setDelivery('job-1-0-2-0', 'job-1', lease(1));
      await setDelivery('job-1-0-3-0', 'job-1', { status: 'sent', sentAt: at(NOW, -30) });
      await setDelivery('job-1-0-4-0', 'job-1', { status: 'failed', lastError: 'HTTP 403' });
      await setDelivery('job-1-0-5-0', 'job-1', { status: 'cancelled' });
      await setDelivery('job-1-0-6-0', 'job-1', { status: 'uncertain' });
      const due = (await repo().dueDeliveries(NOW, 20)).map((d) => d.value.deliveryId).sort();
      expect(due).toEqual(['job-1-0-0-0', 'job-1-0-7-0']);
    });

    it('replaces a delivery only if it is unchanged since it was read, and gives the new version', async () => {
      const { job, deliveries } = plannedJob('job-1');
      await repo().createJob(job, deliveries);
      const read = present((await repo().dueDeliveries(NOW, 1))[0], 'due delivery');
      const claimed: Delivery = {
        ...read.value,
        status: 'sending',
        leaseOwner: 'instance-a',
        leaseUntil: at(NOW, 1),
      };
      const after = present(await repo().replaceIfUnchanged(read, claimed), 'claimed delivery');
      expect(after.value).toEqual(claimed);
      expect(after.etag).not.toBe(read.etag);
      expect(
        await repo().replaceIfUnchanged(read, { ...read.value, leaseOwner: 'instance-b' }),
      ).toBeUndefined();
      expect(await repo().listDeliveries('job-1')).toEqual([claimed]);
      const sent: Delivery = { ...claimed, status: 'sent', sentAt: NOW, messageId: 'm-1' };
      expect((await repo().replaceIfUnchanged(after, sent))?.value).toEqual(sent);
      expect(await repo().listDeliveries('job-1')).toEqual([sent]);
    });

    it('of two claims made at once from the same read, exactly one wins', async () => {
      const { job, deliveries } = plannedJob('job-1');
      await repo().createJob(job, deliveries);
      const read = present((await repo().dueDeliveries(NOW, 1))[0], 'due delivery');
      const claim = (owner: string): Delivery => ({
        ...read.value,
        status: 'sending',
        leaseOwner: owner,
        leaseUntil: at(NOW, 1),
      });
      const results = await Promise.all([
        repo().replaceIfUnchanged(read, claim('instance-a')),
        repo().replaceIfUnchanged(read, claim('instance-b')),
      ]);
      const winners = results.filter((r) => r !== undefined);
      expect(winners).toHaveLength(1);
      expect(await repo().listDeliveries('job-1')).toEqual([winners[0]?.value]);
    });

    it('fails, with a storage error, to replace a delivery that is not stored', async () => {
      const { deliveries } = plannedJob('job-1');
      const ghost = present(deliveries[0], 'delivery');
      await expect(
        repo().replaceIfUnchanged({ value: ghost, etag: '"gone"' }, { ...ghost, status: 'sent' }),
      ).rejects.toMatchObject({ code: 'STORAGE_UNAVAILABLE' });
      expect(await repo().listDeliveries('job-1')).toEqual([]);
    });

    it('cancels the job and every delivery not yet sent, and says how many', async () => {
      const { job, deliveries } = plannedJob('job-1', { channels: 4 });
      await repo().createJob(job, deliveries);
      await setDelivery('job-1-0-0-0', 'job-1', { status: 'sent', sentAt: NOW });
      await setDelivery('job-1-0-1-0', 'job-1', {
        status: 'sending',
        leaseOwner: 'instance-a',
        leaseUntil: at(NOW, 1),
      });
      expect(await repo().cancelJob('job-1')).toBe(2);
      expect((await repo().getJob('job-1'))?.status).toBe('cancelled');
      const statuses = byId(await repo().listDeliveries('job-1')).map((d) => d.status);
      expect(statuses).toEqual(['sent', 'sending', 'cancelled', 'cancelled']);
      expect(await repo().dueDeliveries(NOW, 10)).toEqual([]);
      // The one being sent goes on as any other (the sender does not send a cancelled job's).
      expect((await repo().dueDeliveries(at(NOW, 60), 10)).map((d) => d.value.deliveryId)).toEqual([
        'job-1-0-1-0',
      ]);
      expect(await repo().cancelJob('job-1')).toBe(0);
    });

    it('revises only the deliveries it is told to, and gives back those it changed', async () => {
      const { job, deliveries } = plannedJob('job-1', { channels: 3 });
      await repo().createJob(job, deliveries);
      await setDelivery('job-1-0-0-0', 'job-1', { status: 'failed', lastError: 'HTTP 404' });
      const changed = await repo().reviseDeliveries('job-1', (d) =>
        d.status === 'failed' ? { ...d, status: 'pending', lastError: null } : undefined,
      );
      expect(changed.map((d) => [d.deliveryId, d.status])).toEqual([['job-1-0-0-0', 'pending']]);
      const statuses = byId(await repo().listDeliveries('job-1')).map((d) => d.status);
      expect(statuses).toEqual(['pending', 'pending', 'pending']);
      expect(await repo().reviseDeliveries('job-1', () => undefined)).toEqual([]);
      expect(await repo().reviseDeliveries('nope', (d) => d)).toEqual([]);
    });

    it('cancels nothing for a job it does not have', async () => {
      expect(await repo().cancelJob('nope')).toBe(0);
      expect(await repo().getJob('nope')).toBeUndefined();
    });

    it('refuses a job or a delivery that does not fit the schema', async () => {
      const { job, deliveries } = plannedJob('job-1');
      await expect(repo().createJob({ ...job, cards: [] }, deliveries)).rejects.toThrow();
      await repo().createJob(job, deliveries);
      const read = present((await repo().dueDeliveries(NOW, 1))[0], 'due delivery');
      await expect(
        repo().replaceIfUnchanged(read, { ...read.value, attempts: -1 }),
      ).rejects.toThrow();
      await expect(repo().saveJob({ ...job, occurrences: [] })).rejects.toThrow();
      expect(await repo().listDeliveries('job-1')).toEqual(deliveries);
      expect(await repo().getJob('job-1')).toEqual({ ...job, status: 'active' });
    });
  });
}
