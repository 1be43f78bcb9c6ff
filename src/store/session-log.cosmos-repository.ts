import type { Container } from '@azure/cosmos';
import type { DateRange } from '../domain/sessions/report-period';
import { sessionLogSchema, type SessionLog } from '../domain/sessions/session-log';
import { cosmosStatus, storageError } from './cosmos-errors';
import type { SessionLogRepository } from './session-log.repository';
import { parseStored, queryAll, readDocument, type QueryParameters } from './documents';

type Doc = Record<string, unknown>;

export class CosmosSessionLogRepository implements SessionLogRepository {
  constructor(
    private readonly container: Container,
    /** Seconds each log is kept (Cosmos `ttl`). */
    private readonly ttlSeconds: number,
  ) {}

  async add(log: SessionLog): Promise<boolean> {
    try {
      await this.container.items.create(this.document(log));
      return true;
    } catch (error) {
      if (cosmosStatus(error) === 409) {
        return false;
      }
      throw storageError('save session log', error);
    }
  }

  async get(coachId: string, logId: string): Promise<SessionLog | undefined> {
    const resource = await readDocument<Doc>(
      this.container.item(logId, coachId),
      'read session log',
    );
    return resource ? parse(resource) : undefined;
  }

  async replace(log: SessionLog): Promise<void> {
    try {
      await this.container.item(log.logId, log.coachId).replace(this.document(log));
    } catch (error) {
      throw storageError('update session log', error);
    }
  }

  async remove(coachId: string, logId: string): Promise<void> {
    try {
      await this.container.item(logId, coachId).delete();
    } catch (error) {
      if (cosmosStatus(error) !== 404) {
        throw storageError('delete session log', error);
      }
    }
  }

  async listForCoach(coachId: string, month: string): Promise<SessionLog[]> {
    return this.query('SELECT * FROM c WHERE c.coachId = @coachId AND c.month = @month', [
      { name: '@coachId', value: coachId },
      { name: '@month', value: month },
    ]);
  }

  async listForMonth(tenantId: string, month: string): Promise<SessionLog[]> {
    return this.query('SELECT * FROM c WHERE c.tenantId = @tenantId AND c.month = @month', [
      { name: '@tenantId', value: tenantId },
      { name: '@month', value: month },
    ]);
  }

  async listForCoachDates(coachId: string, dates: DateRange): Promise<SessionLog[]> {
    return this.query(
      'SELECT * FROM c WHERE c.coachId = @coachId AND c.entry.date >= @start AND c.entry.date <= @end',
      [
        { name: '@coachId', value: coachId },
        { name: '@start', value: dates.start },
        { name: '@end', value: dates.end },
      ],
    );
  }

  async listForTenantDates(tenantId: string, dates: DateRange): Promise<SessionLog[]> {
    return this.query(
      'SELECT * FROM c WHERE c.tenantId = @tenantId AND c.entry.date >= @start AND c.entry.date <= @end',
      [
        { name: '@tenantId', value: tenantId },
        { name: '@start', value: dates.start },
        { name: '@end', value: dates.end },
      ],
    );
  }

  async listMadeSince(coachId: string, since: string): Promise<SessionLog[]> {
    return this.query('SELECT * FROM c WHERE c.coachId = @coachId AND c.createdAt >= @since', [
      { name: '@coachId', value: coachId },
      { name: '@since', value: since },
    ]);
  }

  private document(log: SessionLog): Doc {
    return { id: log.logId, ...sessionLogSchema.parse(log), ttl: this.ttlSeconds };
  }

  private async query(query: string, parameters: QueryParameters): Promise<SessionLog[]> {
    const docs = await queryAll<Doc>(this.container, 'session logs', query, parameters);
    return docs.map(parse);
  }
}

function parse(doc: Doc): SessionLog {
  return parseStored(sessionLogSchema, 'session log', doc);
}
