import type { Container } from '@azure/cosmos';
import {
  supervisionRecordSchema,
  type SupervisionRecord,
} from '../domain/supervision/supervision-record';
import {
  parseStored,
  queryAll,
  readDocument,
  upsertDocument,
  type QueryParameters,
} from './documents';
import type { Versioned } from './versioned';
import { cosmosStatus, storageError } from './cosmos-errors';
import { documentId } from './document-id';
import {
  storedScheduleSchema,
  type StoredSchedule,
  type SupervisionRepository,
} from './supervision.repository';

type Doc = Record<string, unknown> & { _etag?: string };

const scheduleDocId = (scheduleId: string): string => `schedule-${scheduleId}`;
const recordDocId = (scheduleId: string, sessionStart: string): string =>
  `record-${documentId(scheduleId, sessionStart)}`;

/** Schedules and session records, partitioned by coach (their dominant query). */
export class CosmosSupervisionRepository implements SupervisionRepository {
  constructor(private readonly container: Container) {}

  async saveSchedule(stored: StoredSchedule): Promise<void> {
    const value = storedScheduleSchema.parse(stored);
    await upsertDocument(
      this.container,
      {
        id: scheduleDocId(value.schedule.scheduleId),
        type: 'schedule',
        coachId: value.schedule.coachId,
        ...value,
      },
      'save schedule',
    );
  }

  async getSchedule(
    coachId: string,
    scheduleId: string,
  ): Promise<Versioned<StoredSchedule> | undefined> {
    const resource = await readDocument<Doc>(
      this.container.item(scheduleDocId(scheduleId), coachId),
      'read schedule',
    );
    return resource ? { value: parseSchedule(resource), etag: resource._etag ?? '' } : undefined;
  }

  async listSchedules(coachId: string): Promise<StoredSchedule[]> {
    const docs = await this.query(
      `SELECT * FROM c WHERE c.coachId = @coachId AND c.type = 'schedule'`,
      [{ name: '@coachId', value: coachId }],
    );
    return docs.map(parseSchedule);
  }

  async deleteSchedule(coachId: string, scheduleId: string): Promise<void> {
    try {
      await this.container.item(scheduleDocId(scheduleId), coachId).delete();
    } catch (error) {
      if (cosmosStatus(error) !== 404) {
        throw storageError('delete schedule', error);
      }
    }
  }

  async dueReminders(nowIso: string, limit: number): Promise<Array<Versioned<StoredSchedule>>> {
    // A range on nextReminderAt alone (only schedules have it), ordered by it, with a limit:
    // answered from its range index, starting at the first string, so paused schedules (null)
    // are never visited and the cost grows with what is due (see CONTAINERS.supervision).
    const docs = await this.query(
      `SELECT TOP @limit * FROM c WHERE c.nextReminderAt >= @from AND c.nextReminderAt <= @now ORDER BY c.nextReminderAt`,
      [
        { name: '@from', value: '' },
        { name: '@now', value: nowIso },
        { name: '@limit', value: limit },
      ],
    );
    return docs
      .filter((d) => d.type === 'schedule')
      .map((d) => ({ value: parseSchedule(d), etag: d._etag ?? '' }));
  }

  async replaceIfUnchanged(
    current: Versioned<StoredSchedule>,
    next: StoredSchedule,
  ): Promise<boolean> {
    const value = storedScheduleSchema.parse(next);
    try {
      await this.container
        .item(scheduleDocId(value.schedule.scheduleId), value.schedule.coachId)
        .replace(
          {
            id: scheduleDocId(value.schedule.scheduleId),
            type: 'schedule',
            coachId: value.schedule.coachId,
            ...value,
          },
          { accessCondition: { type: 'IfMatch', condition: current.etag } },
        );
      return true;
    } catch (error) {
      if (cosmosStatus(error) === 412 || cosmosStatus(error) === 404) {
        return false;
      }
      throw storageError('update schedule', error);
    }
  }

  async saveRecord(record: SupervisionRecord): Promise<void> {
    const value = supervisionRecordSchema.parse(record);
    await upsertDocument(
      this.container,
      { id: recordDocId(value.scheduleId, value.sessionStart), type: 'record', ...value },
      'save supervision record',
    );
  }

  async getRecord(
    coachId: string,
    scheduleId: string,
    sessionStart: string,
  ): Promise<SupervisionRecord | undefined> {
    const resource = await readDocument<Doc>(
      this.container.item(recordDocId(scheduleId, sessionStart), coachId),
      'read supervision record',
    );
    return resource ? parseRecord(resource) : undefined;
  }

  async listRecords(coachId: string): Promise<SupervisionRecord[]> {
    const docs = await this.query(
      `SELECT * FROM c WHERE c.coachId = @coachId AND c.type = 'record'`,
      [{ name: '@coachId', value: coachId }],
    );
    return docs.map(parseRecord);
  }

  async claimNudge(coachId: string, day: string): Promise<boolean> {
    try {
      // One small marker per coach per day nudged, in the coach's partition.
      await this.container.items.create({ id: `nudge-${day}`, type: 'nudge', coachId, day });
      return true;
    } catch (error) {
      if (cosmosStatus(error) === 409) {
        return false;
      }
      throw storageError('claim nudge', error);
    }
  }

  private async query(query: string, parameters: QueryParameters): Promise<Doc[]> {
    return queryAll<Doc>(this.container, 'supervision', query, parameters);
  }
}

function parseSchedule(doc: Doc): StoredSchedule {
  return parseStored(storedScheduleSchema, 'schedule', doc);
}

function parseRecord(doc: Doc): SupervisionRecord {
  return parseStored(supervisionRecordSchema, 'supervision record', doc);
}
