import { randomUUID } from 'node:crypto';
import {
  describeOccurrences,
  renderBroadcastListCard,
} from '../../cards/broadcast/broadcast.cards';
import { statusCard, type ReportLinks } from '../../cards/broadcast/broadcast-status';
import type { Actor, BroadcastService } from './broadcast.service';
import { ROLE_CARDS, ROLE_CARD_TITLES, type RoleCardKey } from '../../cards/roles/role-content';
import { summarise } from '../../domain/broadcast/broadcast';
import type { Clock } from '../../domain/clock';
import type { PcnConfig } from '../../domain/pcn-config';
import type { BroadcastRepository } from '../../store/broadcast.repository';
import type { FeatureTurn } from '../feature-turn';
import { BROADCAST_DIALOG } from './broadcast.dialog-id';

export interface BroadcastCommandDependencies {
  service: BroadcastService;
  broadcasts: BroadcastRepository;
  links: ReportLinks;
  clock: Clock;
  pcn: PcnConfig;
}

/** A lead's channel posts: start one, post here, list, status, cancel. Only leads may post. */
export class BroadcastCommands {
  constructor(private readonly deps: BroadcastCommandDependencies) {}

  async start(turn: FeatureTurn): Promise<void> {
    if (turn.caller.conversationKind !== 'personal') {
      await turn.send(
        "Let's do that in a 1:1 chat with me, so the channel doesn't see your drafts. Or say '@HWBC Assistant post the role card here' to post to this channel.",
      );
      return;
    }
    await turn.startDialog(BROADCAST_DIALOG);
  }

  /**
   * "@bot post the role card here" (or "post the how to refer card here"), in a channel: one post
   * of that role card, as a new thread. `card` is undefined when the words named no role card.
   */
  async postHere(turn: FeatureTurn, card: RoleCardKey | undefined): Promise<void> {
    const target = turn.caller.channel;
    if (turn.caller.conversationKind !== 'channel' || !target) {
      await turn.send(
        "'Post here' works in a team channel. In a 1:1 chat, type 'post role cards' to choose channels.",
      );
      return;
    }
    if (!card) {
      await turn.send(
        `I don't know that card. The role cards are: ${ROLE_CARDS.map((key) => ROLE_CARD_TITLES[key]).join('; ')}. Say, for example, '@HWBC Assistant post the how to refer card here'.`,
      );
      return;
    }
    const result = await this.deps.service.create(
      randomUUID(),
      { cards: [card], audience: 'general', targets: [target], repeatWeeks: 1 },
      this.actor(turn),
    );
    if ('problem' in result) {
      await turn.send(result.problem);
      return;
    }
    await turn.send(
      card === 'what'
        ? 'Posting the role card to this channel as a new post. It will appear in a few seconds.'
        : `Posting the card '${ROLE_CARD_TITLES[card]}' to this channel as a new post. It will appear in a few seconds.`,
    );
  }

  async list(turn: FeatureTurn): Promise<void> {
    const actor = this.actor(turn);
    const jobs = (await this.deps.broadcasts.listJobs(actor.tenantId, actor.aadObjectId)).slice(
      0,
      10,
    );
    const rows = [];
    for (const job of jobs) {
      const summary = summarise(await this.deps.broadcasts.listDeliveries(job.jobId));
      rows.push({
        jobId: job.jobId,
        cards: job.cards.map((c) => c.title).join(', '),
        channels: job.targets.map((t) => t.channelName).join(', '),
        when: describeOccurrences(job.occurrences, job.createdAt),
        state:
          job.status === 'cancelled' ? 'cancelled' : `${summary.sent} of ${summary.total} sent`,
        canCancel: job.status === 'active' && summary.pending > 0,
      });
    }
    await turn.send({ attachments: [renderBroadcastListCard({ jobs: rows })] });
  }

  async status(turn: FeatureTurn, jobId: string): Promise<void> {
    const job = await this.ownJob(turn, jobId);
    if (job) {
      await turn.send({
        attachments: [
          statusCard(
            job,
            await this.deps.broadcasts.listDeliveries(jobId),
            this.deps.links,
            this.deps.clock,
          ),
        ],
      });
    }
  }

  /** Post pressed again after the draft closed: show the post it made, if it made one. */
  async confirmAgain(turn: FeatureTurn, draftId: string): Promise<void> {
    const job = await this.deps.broadcasts.getJob(draftId);
    if (job && job.createdBy === this.actor(turn).aadObjectId) {
      await turn.send('That post was already made; here is how it is going.');
      await this.status(turn, draftId);
      return;
    }
    await turn.send(
      "That draft has closed, and nothing was posted from it. Type 'post role cards' to start again.",
    );
  }

  async cancel(turn: FeatureTurn, jobId: string): Promise<void> {
    const job = await this.ownJob(turn, jobId);
    if (!job) {
      return;
    }
    const cancelled = await this.deps.service.cancel(jobId, this.actor(turn));
    await turn.send(
      cancelled > 0
        ? `Cancelled ${cancelled} post${cancelled === 1 ? '' : 's'} not yet sent. Posts already made stay in their channels.`
        : 'There was nothing left to cancel: every post had already gone.',
    );
  }

  private async ownJob(
    turn: FeatureTurn,
    jobId: string,
  ): Promise<Awaited<ReturnType<BroadcastRepository['getJob']>>> {
    const job = await this.deps.broadcasts.getJob(jobId);
    if (
      !job ||
      job.createdBy !== this.actor(turn).aadObjectId ||
      job.tenantId !== this.actor(turn).tenantId
    ) {
      await turn.send("I can't find that post among yours.");
      return undefined;
    }
    return job;
  }

  private actor(turn: FeatureTurn): Actor {
    return {
      tenantId: turn.caller.tenantId,
      aadObjectId: turn.caller.accountId,
      name: turn.caller.name || 'A lead',
    };
  }
}
