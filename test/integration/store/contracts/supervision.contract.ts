import type { SupervisionRecord } from '../../../../src/domain/supervision/supervision-record';
import type {
  StoredSchedule,
  SupervisionRepository,
} from '../../../../src/store/supervision.repository';
import { present } from '../../../helpers/present';
import { testSchedule } from '../../../helpers/supervision-fixtures';

/** A schedule of coach-1 whose next reminder is at `nextReminderAt` (null: none due, as when paused). */
export const stored = (
  scheduleId: string,
  nextReminderAt: string | null,
  coachId = 'coach-1',
): StoredSchedule => ({
  schedule: testSchedule({ scheduleId, coachId }),
  tenantId: 'tenant-1',
  nextReminderAt,
  nextReminderSession: nextReminderAt === null ? null : '2026-12-01T10:00:00.000Z',
  nextReminderKind: nextReminderAt === null ? null : 'before',
});

export const supervisionRecord = (
  overrides: Partial<SupervisionRecord> = {},
): SupervisionRecord => ({
  coachId: 'coach-1',
  scheduleId: 'schedule-a',
  kind: 'coaching-one-to-one',
  sessionStart: '2026-11-03T10:00:00.000Z',
  outcome: 'attended',
  durationMinutes: 60,
  movedTo: null,
  recordedAt: '2026-11-03T11:05:00.000Z',
  ...overrides,
});

/** What every SupervisionRepository does; `repo()` is a new, empty one in each test. */
export function describeSupervisionContract(repo: () => SupervisionRepository): void {
  describe('SupervisionRepository contract', () => {
    it('saves a schedule and reads it back, with an ETag, under its coach only', async () => {
      const a = stored('schedule-a', '2026-11-30T09:00:00.000Z');
      await repo().saveSchedule(a);
      const read = await repo().getSchedule('coach-1', 'schedule-a');
      expect(read?.value).toEqual(a);
      expect(read?.etag).toEqual(expect.any(String));
      expect(read?.etag).not.toBe('');
      expect(await repo().getSchedule('coach-2', 'schedule-a')).toBeUndefined();
      expect(await repo().getSchedule('coach-1', 'schedule-b')).toBeUndefined();
    });

    it('saving a schedule again replaces it and gives it a new ETag', async () => {
      await repo().saveSchedule(stored('schedule-a', '2026-11-30T09:00:00.000Z'));
      const first = await repo().getSchedule('coach-1', 'schedule-a');
      const paused = stored('schedule-a', null);
      paused.schedule.paused = true;
      await repo().saveSchedule(paused);
      const second = await repo().getSchedule('coach-1', 'schedule-a');
      expect(second?.value).toEqual(paused);
      expect(second?.etag).not.toBe(first?.etag);
      expect(await repo().listSchedules('coach-1')).toEqual([paused]);
    });

    it("lists one coach's schedules, and no records", async () => {
      const a = stored('schedule-a', '2026-11-30T09:00:00.000Z');
      const b = stored('schedule-b', null);
      await repo().saveSchedule(a);
      await repo().saveSchedule(b);
      await repo().saveSchedule(stored('schedule-c', null, 'coach-2'));
      await repo().saveRecord(supervisionRecord());
      const listed = await repo().listSchedules('coach-1');
      expect(listed.map((s) => s.schedule.scheduleId).sort()).toEqual(['schedule-a', 'schedule-b']);
      expect(listed).toContainEqual(a);
      expect(await repo().listSchedules('coach-3')).toEqual([]);
    });

    it('deletes a schedule and keeps its records; deleting one that is not there is a no-op', async () => {
      await repo().saveSchedule(stored('schedule-a', '2026-11-30T09:00:00.000Z'));
      await repo().saveRecord(supervisionRecord());
      await repo().deleteSchedule('coach-1', 'schedule-a');
      expect(await repo().getSchedule('coach-1', 'schedule-a')).toBeUndefined();
      await expect(repo().deleteSchedule('coach-1', 'schedule-a')).resolves.toBeUndefined();
      expect(await repo().listSchedules('coach-1')).toEqual([]);
      expect(await repo().listRecords('coach-1')).toEqual([supervisionRecord()]);
    });

    it('finds reminders due by now, earliest first, for every coach, at most the limit', async () => {
      await repo().saveSchedule(stored('late', '2026-11-30T09:00:00.000Z'));
      await repo().saveSchedule(stored('now', '2026-11-30T08:00:00.000Z', 'coach-2'));
      await repo().saveSchedule(stored('early', '2026-11-29T09:00:00.000Z', 'coach-3'));
      await repo().saveSchedule(stored('paused', null));
      await repo().saveSchedule(stored('future', '2026-12-01T09:00:00.000Z', 'coach-2'));
      await repo().saveRecord(supervisionRecord());
      const due = async (limit: number): Promise<string[]> =>
        (await repo().dueReminders('2026-11-30T08:00:00.000Z', limit)).map(
          (d) => d.value.schedule.scheduleId,
        );
      expect(await due(10)).toEqual(['early', 'now']);
      expect(await due(1)).toEqual(['early']);
      const [first] = await repo().dueReminders('2026-11-30T09:00:00.000Z', 10);
      expect(first?.value).toEqual(stored('early', '2026-11-29T09:00:00.000Z', 'coach-3'));
      expect(first?.etag).toBe((await repo().getSchedule('coach-3', 'early'))?.etag);
      expect(await repo().dueReminders('2026-11-01T00:00:00.000Z', 10)).toEqual([]);
    });

    it('replaces a schedule only if it is unchanged since it was read', async () => {
      await repo().saveSchedule(stored('schedule-a', '2026-11-30T09:00:00.000Z'));
      const read = present(await repo().getSchedule('coach-1', 'schedule-a'), 'schedule');
      const sent = { ...read.value, nextReminderAt: '2026-12-01T09:00:00.000Z' };
      expect(await repo().replaceIfUnchanged(read, sent)).toBe(true);
      expect((await repo().getSchedule('coach-1', 'schedule-a'))?.value).toEqual(sent);
      // A second replace from the same read lost the race: refused, and the winner's write stays.
      expect(await repo().replaceIfUnchanged(read, { ...read.value, nextReminderAt: null })).toBe(
        false,
      );
      expect((await repo().getSchedule('coach-1', 'schedule-a'))?.value).toEqual(sent);
    });

    it('refuses a guarded replace after the schedule was saved again, or deleted', async () => {
      await repo().saveSchedule(stored('schedule-a', '2026-11-30T09:00:00.000Z'));
      const read = present(await repo().getSchedule('coach-1', 'schedule-a'), 'schedule');
      await repo().saveSchedule(stored('schedule-a', '2026-11-30T10:00:00.000Z'));
      expect(await repo().replaceIfUnchanged(read, read.value)).toBe(false);
      expect((await repo().getSchedule('coach-1', 'schedule-a'))?.value.nextReminderAt).toBe(
        '2026-11-30T10:00:00.000Z',
      );
      const again = present(await repo().getSchedule('coach-1', 'schedule-a'), 'schedule');
      await repo().deleteSchedule('coach-1', 'schedule-a');
      expect(await repo().replaceIfUnchanged(again, again.value)).toBe(false);
      expect(await repo().getSchedule('coach-1', 'schedule-a')).toBeUndefined();
    });

    it('keeps one record per session: recording again replaces it', async () => {
      await repo().saveRecord(supervisionRecord());
      const moved = supervisionRecord({
        outcome: 'moved',
        durationMinutes: 0,
        movedTo: '2026-11-05T14:00:00.000Z',
        recordedAt: '2026-11-03T12:00:00.000Z',
      });
      await repo().saveRecord(moved);
      await repo().saveRecord(supervisionRecord({ sessionStart: '2026-12-01T10:00:00.000Z' }));
      expect(await repo().getRecord('coach-1', 'schedule-a', '2026-11-03T10:00:00.000Z')).toEqual(
        moved,
      );
      const sessions = (await repo().listRecords('coach-1')).map((r) => r.sessionStart).sort();
      expect(sessions).toEqual(['2026-11-03T10:00:00.000Z', '2026-12-01T10:00:00.000Z']);
    });

    it('reads and lists records under their own coach only, and no schedules', async () => {
      await repo().saveRecord(supervisionRecord());
      await repo().saveRecord(supervisionRecord({ coachId: 'coach-2', scheduleId: 'schedule-b' }));
      await repo().saveSchedule(stored('schedule-a', null));
      expect(
        await repo().getRecord('coach-2', 'schedule-a', '2026-11-03T10:00:00.000Z'),
      ).toBeUndefined();
      expect(
        await repo().getRecord('coach-1', 'schedule-a', '2026-11-04T10:00:00.000Z'),
      ).toBeUndefined();
      expect(await repo().listRecords('coach-1')).toEqual([supervisionRecord()]);
      expect(await repo().listRecords('coach-2')).toEqual([
        supervisionRecord({ coachId: 'coach-2', scheduleId: 'schedule-b' }),
      ]);
    });

    it("claims a coach's nudge once a day, apart from other coaches and days, listing nothing", async () => {
      expect(await repo().claimNudge('coach-1', '2026-11-25')).toBe(true);
      expect(await repo().claimNudge('coach-1', '2026-11-25')).toBe(false);
      expect(await repo().claimNudge('coach-2', '2026-11-25')).toBe(true);
      expect(await repo().claimNudge('coach-1', '2026-11-26')).toBe(true);
      expect(await repo().listRecords('coach-1')).toEqual([]);
      expect(await repo().listSchedules('coach-1')).toEqual([]);
    });

    it('refuses schedules and records that do not fit their schemas', async () => {
      await expect(repo().saveSchedule(stored('schedule-a', 'soon'))).rejects.toThrow();
      await expect(repo().saveRecord(supervisionRecord({ durationMinutes: -5 }))).rejects.toThrow();
      await repo().saveSchedule(stored('schedule-a', null));
      const read = present(await repo().getSchedule('coach-1', 'schedule-a'), 'schedule');
      await expect(
        repo().replaceIfUnchanged(read, { ...read.value, deliveryRetries: -1 }),
      ).rejects.toThrow();
      expect((await repo().getSchedule('coach-1', 'schedule-a'))?.value).toEqual(
        stored('schedule-a', null),
      );
      expect(await repo().listRecords('coach-1')).toEqual([]);
    });
  });
}
