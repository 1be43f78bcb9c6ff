import {
  supervisionRecordSchema,
  type SupervisionRecord,
} from '../../domain/supervision/supervision-record';
import type { Versioned } from '../versioned';
import { CONTAINERS } from '../containers';
import { documentId } from '../document-id';
import {
  storedScheduleSchema,
  type StoredSchedule,
  type SupervisionRepository,
} from '../supervision.repository';
import { MemoryContainer, type Document, type Stored } from './memory-container';
import { settle } from './settle';
import { byField, readAs } from './stored-document';

const scheduleDocId = (scheduleId: string): string => `schedule-${scheduleId}`;
const recordDocId = (scheduleId: string, sessionStart: string): string =>
  `record-${documentId(scheduleId, sessionStart)}`;

/** Schedules and session records in memory, partitioned by coach like the Cosmos container. */
export class MemorySupervisionRepository implements SupervisionRepository {
  constructor(
    private readonly container = new MemoryContainer(CONTAINERS.supervision.partitionKey),
  ) {}

  saveSchedule(stored: StoredSchedule): Promise<void> {
    return settle(() => {
      this.container.upsert(scheduleDocument(stored));
    });
  }

  getSchedule(coachId: string, scheduleId: string): Promise<Versioned<StoredSchedule> | undefined> {
    return settle(() => {
      const stored = this.container.read(scheduleDocId(scheduleId), coachId);
      return stored ? versioned(stored) : undefined;
    });
  }

  listSchedules(coachId: string): Promise<StoredSchedule[]> {
    return settle(() =>
      this.container
        .query((d) => d.coachId === coachId && d.type === 'schedule')
        .map(({ body }) => parseSchedule(body)),
    );
  }

  deleteSchedule(coachId: string, scheduleId: string): Promise<void> {
    return settle(() => {
      this.container.delete(scheduleDocId(scheduleId), coachId);
    });
  }

  dueReminders(nowIso: string, limit: number): Promise<Array<Versioned<StoredSchedule>>> {
    return settle(() =>
      this.container
        .query(
          (d) =>
            d.type === 'schedule' &&
            typeof d.nextReminderAt === 'string' &&
            d.nextReminderAt <= nowIso,
        )
        .sort((a, b) => byField('nextReminderAt')(a.body, b.body))
        .slice(0, Math.max(0, limit))
        .map(versioned),
    );
  }

  replaceIfUnchanged(current: Versioned<StoredSchedule>, next: StoredSchedule): Promise<boolean> {
    return settle(() => {
      const result = this.container.replace(scheduleDocument(next), current.etag);
      return result !== 'missing' && result !== 'changed';
    });
  }

  saveRecord(record: SupervisionRecord): Promise<void> {
    return settle(() => {
      const value = supervisionRecordSchema.parse(record);
      this.container.upsert({
        id: recordDocId(value.scheduleId, value.sessionStart),
        type: 'record',
        ...value,
      });
    });
  }

  getRecord(
    coachId: string,
    scheduleId: string,
    sessionStart: string,
  ): Promise<SupervisionRecord | undefined> {
    return settle(() => {
      const stored = this.container.read(recordDocId(scheduleId, sessionStart), coachId);
      return stored ? parseRecord(stored.body) : undefined;
    });
  }

  claimNudge(coachId: string, day: string): Promise<boolean> {
    return settle(
      () =>
        this.container.create({ id: `nudge-${day}`, type: 'nudge', coachId, day }) !== undefined,
    );
  }

  listRecords(coachId: string): Promise<SupervisionRecord[]> {
    return settle(() =>
      this.container
        .query((d) => d.coachId === coachId && d.type === 'record')
        .map(({ body }) => parseRecord(body)),
    );
  }
}

function scheduleDocument(stored: StoredSchedule): Document {
  const value = storedScheduleSchema.parse(stored);
  return {
    id: scheduleDocId(value.schedule.scheduleId),
    type: 'schedule',
    coachId: value.schedule.coachId,
    ...value,
  };
}

const versioned = ({ body, etag }: Stored): Versioned<StoredSchedule> => ({
  value: parseSchedule(body),
  etag,
});

const parseSchedule = (body: Document): StoredSchedule =>
  readAs(storedScheduleSchema, 'schedule', body);

const parseRecord = (body: Document): SupervisionRecord =>
  readAs(supervisionRecordSchema, 'supervision record', body);
