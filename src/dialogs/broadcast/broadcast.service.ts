import type { DateTime } from 'luxon';
import { renderRoleCard, roleCardData } from '../../cards/roles/roles.cards';
import { ROLE_CARD_TITLES, type Audience, type RoleCardKey } from '../../cards/roles/role-content';
import {
  planBroadcast,
  type BroadcastJob,
  type ChannelTarget,
} from '../../domain/broadcast/broadcast';
import type { Clock } from '../../domain/clock';
import { contactsReviewStatus } from '../../domain/contacts-review';
import type { PcnConfig } from '../../domain/pcn-config';
import type { AuditLog } from '../../store/audit.repository';
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
}
