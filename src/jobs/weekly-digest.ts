import type { DigestReader, DigestSection } from '../domain/digest/digest-section';
import { describeTiming, dueDigestWeek, type DigestTiming } from '../domain/digest/digest-week';
import type { Clock } from '../domain/clock';
import type { Logger } from '../logger';
import type { DigestRepository } from '../store/digest.repository';
import { PeriodicJob } from './periodic-job';
import type { DigestMessenger } from './ports';

export interface WeeklyDigestOptions extends DigestTiming {
  pollMs: number;
  /** The tenant the PCN's people are in (the digest reaches them in their 1:1 chat there). */
  tenantId: string;
}

/**
 * Sends each coach and lead their weekly digest once, on the configured day and time (UK). As
 * the reminder scheduler does, it ticks on a polling loop; each person's digest for an ISO week
 * is claimed in storage before it is sent, so restarts, passes and instances never send it
 * twice. A digest Teams throttled or failed gives its claim back and is tried on a later pass
 * that day; one to someone without the app is not tried again that week. Someone who switched
 * the digest off is skipped.
 */
export class WeeklyDigest extends PeriodicJob {
  constructor(
    private readonly deps: {
      /** The team as it stands (the roster's snapshot, read at each send). */
      pcn: {
        readonly coaches: ReadonlyArray<{ aadObjectId: string; displayName: string }>;
        readonly leads: ReadonlyArray<{ aadObjectId: string; displayName: string }>;
      };
      digests: DigestRepository;
      sections: readonly DigestSection[];
      messenger: DigestMessenger;
      clock: Clock;
      logger: Logger;
    },
    private readonly options: WeeklyDigestOptions,
  ) {
    super(deps.logger, options.pollMs, 'digest_pass_failed');
  }

  /** One pass: sends the digests due now and not yet sent. Returns how many it sent. */
  async runOnce(): Promise<number> {
    const now = this.deps.clock.now();
    const week = dueDigestWeek(now, this.options);
    if (!week) {
      return 0;
    }
    let sent = 0;
    for (const reader of this.readers()) {
      const preference = await this.deps.digests.getPreference(reader.tenantId, reader.userId);
      if (preference?.enabled === false) {
        continue;
      }
      const claimed = await this.deps.digests.claimWeek(
        reader.tenantId,
        reader.userId,
        week.key,
        now.toUTC().toISO() ?? '',
      );
      if (!claimed) {
        continue;
      }
      const blocks = [];
      try {
        for (const section of this.deps.sections.filter((s) => s.appliesTo(reader))) {
          const block = await section.compose(reader, week);
          if (block) {
            blocks.push(block);
          }
        }
      } catch (error) {
        // Storage failed while reading: give the claim back so a later pass sends it.
        await this.deps.digests.releaseWeek(reader.tenantId, reader.userId, week.key);
        throw error;
      }
      const result = await this.deps.messenger.sendDigest({
        tenantId: reader.tenantId,
        userId: reader.userId,
        weekOf: week.start.toFormat('cccc d LLLL yyyy'),
        when: describeTiming(this.options),
        blocks,
      });
      this.deps.logger.info('weekly_digest', { week: week.key, result: result.kind });
      if (result.kind === 'retry') {
        await this.deps.digests.releaseWeek(reader.tenantId, reader.userId, week.key);
      }
      sent += result.kind === 'sent' ? 1 : 0;
    }
    return sent;
  }

  /** Every coach and lead once: someone who is both gets one digest with both parts. */
  private readers(): DigestReader[] {
    const byId = new Map<string, DigestReader>();
    const add = (person: { aadObjectId: string; displayName: string }, role: 'coach' | 'lead') => {
      const userId = person.aadObjectId.toLowerCase();
      const reader = byId.get(userId) ?? {
        tenantId: this.options.tenantId,
        userId,
        displayName: person.displayName,
        isCoach: false,
        isLead: false,
      };
      byId.set(userId, {
        ...reader,
        isCoach: reader.isCoach || role === 'coach',
        isLead: reader.isLead || role === 'lead',
      });
    };
    this.deps.pcn.coaches.forEach((c) => add(c, 'coach'));
    this.deps.pcn.leads.forEach((l) => add(l, 'lead'));
    return [...byId.values()];
  }
}
