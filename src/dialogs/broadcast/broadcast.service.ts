import type { DateTime } from 'luxon';
import { renderRoleCard, roleCardData } from '../../cards/roles/roles.cards';
import { ROLE_CARD_TITLES, type Audience, type RoleCardKey } from '../../cards/roles/role-content';
import {
  planBroadcast,
  type BroadcastJob,
  type ChannelTarget,
} from '../../domain/broadcast/broadcast';
import {
  cancelWaiting,
  notStarted,
  retryFailed,
  skipOccurrence,
  upcomingOccurrences,
} from '../../domain/broadcast/post-changes';
import type { Clock } from '../../domain/clock';
import { contactsReviewStatus } from '../../domain/contacts-review';
import type { PcnConfig } from '../../domain/pcn-config';
import type { AuditEvent, AuditLog } from '../../store/audit.repository';
import type { BroadcastRepository } from '../../store/broadcast.repository';

export interface BroadcastDraft {
  cards: RoleCardKey[];
  audience: Audience;
  targets: ChannelTarget[];
  startLocal?: { date: string; time: string };
  repeatWeeks: number;
}

export interface Actor {
  tenantId: string;
  aadObjectId: string;
  name: string;
}

/** Creating, cancelling and rendering channel posts: shared by the lead's dialog and "post here". */
export class BroadcastService {
  constructor(
    private readonly deps: {
      broadcasts: BroadcastRepository;
      audit: AuditLog;
      pcn: PcnConfig;
      clock: Clock;
      contactsReviewMonths: number;
    },
  ) {}

  /** The cards exactly as they will be posted. */
  renderCards(cards: readonly RoleCardKey[], audience: Audience): BroadcastJob['cards'] {
    const review = contactsReviewStatus(
      this.deps.pcn.reviewedOn,
      this.deps.clock.now(),
      this.deps.contactsReviewMonths,
    );
    return cards.map((key) => ({
      key,
      title: ROLE_CARD_TITLES[key],
      content: renderRoleCard(key, roleCardData(key, audience, this.deps.pcn, review.note)).content,
    }));
  }

  /** Create the job (once: the draft id makes a repeated confirm harmless) and record who did it. */
  async create(
    jobId: string,
    draft: BroadcastDraft,
    actor: Actor,
  ): Promise<{ job: BroadcastJob; created: boolean } | { problem: string }> {
    const existing = await this.deps.broadcasts.getJob(jobId);
    if (existing && existing.status !== 'creating') {
      return { job: existing, created: false };
    }
    const now: DateTime = this.deps.clock.now();
    const plan = planBroadcast(
      {
        jobId,
        tenantId: actor.tenantId,
        createdBy: actor.aadObjectId,
        createdByName: actor.name,
        audience: draft.audience,
        cards: this.renderCards(draft.cards, draft.audience),
        targets: draft.targets,
        ...(draft.startLocal ? { startLocal: draft.startLocal } : {}),
        repeatWeeks: draft.repeatWeeks,
      },
      now,
    );
    if ('problem' in plan) {
      return plan;
    }
    const job = await this.deps.broadcasts.createJob(plan.job, plan.deliveries);
    await this.deps.audit.record({
      tenantId: actor.tenantId,
      at: now.toISO() ?? '',
      actor: actor.aadObjectId,
      actorName: actor.name,
      action: 'broadcast.created',
      subject: jobId,
      details: {
        cards: draft.cards,
        audience: draft.audience,
        channels: draft.targets.map((t) => `${t.teamName} › ${t.channelName} (${t.channelId})`),
        occurrences: plan.job.occurrences,
        posts: plan.deliveries.length,
      },
    });
    return { job, created: true };
  }

  async cancel(jobId: string, actor: Actor): Promise<number> {
    const cancelled = await this.deps.broadcasts.cancelJob(jobId);
    await this.deps.audit.record({
      tenantId: actor.tenantId,
      at: this.deps.clock.now().toISO() ?? '',
      actor: actor.aadObjectId,
      actorName: actor.name,
      action: 'broadcast.cancelled',
      subject: jobId,
      details: { postsCancelled: cancelled },
    });
    return cancelled;
  }

  /**
   * The lead changed a post before it went: the old one's waiting posts are cancelled (it
   * records what replaced it), then the new one is made. Pressing Post again, or a redelivery,
   * finds the old one already replaced by this draft and the new one made, so nothing doubles.
   */
  async replace(
    oldJobId: string,
    draftId: string,
    draft: BroadcastDraft,
    actor: Actor,
  ): Promise<{ job: BroadcastJob; created: boolean } | { problem: string }> {
    const old = await this.deps.broadcasts.getJob(oldJobId);
    if (!old || old.createdBy !== actor.aadObjectId || old.tenantId !== actor.tenantId) {
      return {
        problem: "I can't find the post you were changing among yours. Nothing was posted.",
      };
    }
    if (old.replacedBy !== draftId) {
      const deliveries = await this.deps.broadcasts.listDeliveries(oldJobId);
      if (!notStarted(old, deliveries, this.deps.clock.now())) {
        return {
          problem:
            "Your earlier post has started going out (or was cancelled), so I haven't changed it and nothing new was posted. Type 'my posts' to see it.",
        };
      }
      await this.deps.broadcasts.reviseDeliveries(oldJobId, cancelWaiting);
      await this.deps.broadcasts.saveJob({ ...old, status: 'cancelled', replacedBy: draftId });
    }
    const made = await this.create(draftId, draft, actor);
    if ('job' in made && made.created) {
      await this.record(actor, 'broadcast.changed', oldJobId, { replacedBy: draftId });
    }
    return made;
  }

  /** Send the failed deliveries again (only those); a second press finds none left to send. */
  async retry(jobId: string, actor: Actor): Promise<number> {
    const now = this.deps.clock.now().toUTC().toISO() ?? '';
    const retried = await this.deps.broadcasts.reviseDeliveries(jobId, retryFailed(now));
    if (retried.length > 0) {
      await this.record(actor, 'broadcast.retried', jobId, { posts: retried.length });
    }
    return retried.length;
  }

  /**
   * Skip one occurrence still to come. 'skipped' when this press skipped it; 'gone' when it is
   * no longer to come (already skipped, sending or sent), so nothing changed.
   */
  async skip(job: BroadcastJob, occurrence: number, actor: Actor): Promise<'skipped' | 'gone'> {
    const deliveries = await this.deps.broadcasts.listDeliveries(job.jobId);
    const upcoming = upcomingOccurrences(job, deliveries, this.deps.clock.now());
    if (!upcoming.some((u) => u.occurrence === occurrence)) {
      return 'gone';
    }
    const skipped = await this.deps.broadcasts.reviseDeliveries(
      job.jobId,
      skipOccurrence(occurrence),
    );
    if (skipped.length === 0) {
      return 'gone';
    }
    const latest = (await this.deps.broadcasts.getJob(job.jobId)) ?? job;
    await this.deps.broadcasts.saveJob({
      ...latest,
      skipped: [...new Set([...(latest.skipped ?? []), occurrence])].sort((a, b) => a - b),
    });
    await this.record(actor, 'broadcast.skipped', job.jobId, {
      occurrence: job.occurrences[occurrence] ?? '',
      posts: skipped.length,
    });
    return 'skipped';
  }

  private async record(
    actor: Actor,
    action: AuditEvent['action'],
    subject: string,
    details: AuditEvent['details'],
  ): Promise<void> {
    await this.deps.audit.record({
      tenantId: actor.tenantId,
      at: this.deps.clock.now().toISO() ?? '',
      actor: actor.aadObjectId,
      actorName: actor.name,
      action,
      subject,
      details,
    });
  }
}
