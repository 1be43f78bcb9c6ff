import type { DateRange } from '../../domain/sessions/report-period';
import { sessionLogSchema, type SessionLog } from '../../domain/sessions/session-log';
import { AppError } from '../../errors';
import { CONTAINERS } from '../containers';
import type { SessionLogRepository } from '../session-log.repository';
import { MemoryContainer, type Document } from './memory-container';
import { settle } from './settle';
import { readAs } from './stored-document';

/** Coaching session logs in memory, partitioned by coach like the Cosmos container. */
export class MemorySessionLogRepository implements SessionLogRepository {
  constructor(
    private readonly container = new MemoryContainer(CONTAINERS.sessionLogs.partitionKey),
  ) {}

  add(log: SessionLog): Promise<boolean> {
    return settle(() => this.container.create(document(log)) !== undefined);
  }

  get(coachId: string, logId: string): Promise<SessionLog | undefined> {
    return settle(() => {
      const stored = this.container.read(logId, coachId);
      return stored ? parse(stored.body) : undefined;
    });
  }

  replace(log: SessionLog): Promise<void> {
    return settle(() => {
      if (this.container.replace(document(log)) === 'missing') {
        throw new AppError('STORAGE_UNAVAILABLE', 'update session log (HTTP 404)');
      }
    });
  }

  remove(coachId: string, logId: string): Promise<void> {
    return settle(() => {
      this.container.delete(logId, coachId);
    });
  }

  listForCoach(coachId: string, month: string): Promise<SessionLog[]> {
    return this.list((d) => d.coachId === coachId && d.month === month);
  }

  listForMonth(tenantId: string, month: string): Promise<SessionLog[]> {
    return this.list((d) => d.tenantId === tenantId && d.month === month);
  }

  listForCoachDates(coachId: string, dates: DateRange): Promise<SessionLog[]> {
    return this.list((d) => d.coachId === coachId && within(d, dates));
  }

  listForTenantDates(tenantId: string, dates: DateRange): Promise<SessionLog[]> {
    return this.list((d) => d.tenantId === tenantId && within(d, dates));
  }

  listMadeSince(coachId: string, since: string): Promise<SessionLog[]> {
    return this.list(
      (d) => d.coachId === coachId && typeof d.createdAt === 'string' && d.createdAt >= since,
    );
  }

  private list(filter: (d: Document) => boolean): Promise<SessionLog[]> {
    return settle(() => this.container.query(filter).map(({ body }) => parse(body)));
  }
}

/** Whether a stored log's session date is within the range (ISO dates compare as text). */
function within(d: Document, dates: DateRange): boolean {
  const entry = d.entry as { date?: unknown } | undefined;
  const date = typeof entry?.date === 'string' ? entry.date : '';
  return date >= dates.start && date <= dates.end;
}

const document = (log: SessionLog): Document => ({ id: log.logId, ...sessionLogSchema.parse(log) });

const parse = (body: Document): SessionLog => readAs(sessionLogSchema, 'session log', body);
