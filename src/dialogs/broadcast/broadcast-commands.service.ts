import { randomUUID } from 'node:crypto';
import {
  describeOccurrences,
  londonTime,
  renderBroadcastListCard,
} from '../../cards/broadcast/broadcast.cards';
import { statusCard, type ReportLinks } from '../../cards/broadcast/broadcast-status';
import { renderBroadcastCancelConfirmCard } from '../../cards/broadcast/broadcast.cards';
import { LONDON } from '../../domain/broadcast/broadcast';
import { notStarted } from '../../domain/broadcast/post-changes';
import { DateTime } from 'luxon';
import type { ChangeOptions } from './broadcast-change';
import type { Actor, BroadcastService } from './broadcast.service';
import {
  AUDIENCES,
  ROLE_CARDS,
  ROLE_CARD_TITLES,
  type Audience,
  type RoleCardKey,
} from '../../cards/roles/role-content';
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
        state: job.replacedBy
          ? 'changed (replaced by a new post)'
          : job.status === 'cancelled'
            ? 'cancelled'
            : `${summary.sent} of ${summary.total} sent`,
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

  /** Cancel pressed: ask first, on a Yes/No card. */
  async askCancel(turn: FeatureTurn, jobId: string): Promise<void> {
    const job = await this.ownJob(turn, jobId);
    if (!job) {
      return;
    }
    const summary = summarise(await this.deps.broadcasts.listDeliveries(jobId));
    if (job.status !== 'active' || summary.pending === 0) {
      await turn.send(
        'There is nothing left to cancel: every post has already gone or was cancelled.',
      );
      return;
    }
    await turn.send({
      attachments: [
        renderBroadcastCancelConfirmCard({
          jobId,
          cards: job.cards.map((c) => c.title).join(', '),
          channels: job.targets.map((t) => `${t.teamName} › ${t.channelName}`).join(', '),
          when: describeOccurrences(job.occurrences, job.createdAt),
          waiting: String(summary.pending),
        }),
      ],
    });
  }

  /** "No, keep it": nothing changes. */
  async keep(turn: FeatureTurn): Promise<void> {
    await turn.send('Kept. Nothing was cancelled.');
  }

  /** "Try the failed channels again": only the failed ones; a second press finds none. */
  async retry(turn: FeatureTurn, jobId: string): Promise<void> {
    const job = await this.ownJob(turn, jobId);
    if (!job) {
      return;
    }
    if (job.status !== 'active') {
      await turn.send('That post was cancelled, so nothing was tried again.');
      return;
    }
    const retried = await this.deps.service.retry(jobId, this.actor(turn));
    await turn.send(
      retried > 0
        ? `Trying ${retried} failed post${retried === 1 ? '' : 's'} again. The status card will show how they go.`
        : 'There are no failed posts to try again: they have been tried already, or none failed.',
    );
  }

  /** "Skip this one" on a weekly post's status card. */
  async skip(turn: FeatureTurn, jobId: string, occurrence: number): Promise<void> {
    const job = await this.ownJob(turn, jobId);
    if (!job) {
      return;
    }
    const at = job.occurrences[occurrence];
    const when = at ? londonTime(at) : 'that week';
    const result = await this.deps.service.skip(job, occurrence, this.actor(turn));
    await turn.send(
      result === 'skipped'
        ? `Skipped the post of ${when}. The other weeks go as planned.`
        : `The post of ${when} is no longer to come (already skipped, sent or on its way), so nothing changed.`,
    );
  }

  /** "Change this post": the compose card again, filled in as the post is, in the 1:1 chat. */
  async change(turn: FeatureTurn, jobId: string): Promise<void> {
    const job = await this.ownJob(turn, jobId);
    if (!job) {
      return;
    }
    if (turn.caller.conversationKind !== 'personal') {
      await turn.send("Let's change posts in a 1:1 chat with me. Type 'my posts' there.");
      return;
    }
    const deliveries = await this.deps.broadcasts.listDeliveries(jobId);
    const first = job.occurrences[0];
    if (!first || !notStarted(job, deliveries, this.deps.clock.now())) {
      await turn.send(
        'That post has started going out (or was cancelled), so it can no longer be changed. You can skip a week still to come, or cancel what has not been sent.',
      );
      return;
    }
    const start = DateTime.fromISO(first, { zone: 'utc' }).setZone(LONDON);
    const options: ChangeOptions = {
      replacing: jobId,
      draft: {
        cards: job.cards
          .map((c) => c.key)
          .filter((k): k is RoleCardKey => (ROLE_CARDS as readonly string[]).includes(k)),
        audience: (AUDIENCES as readonly string[]).includes(job.audience)
          ? (job.audience as Audience)
          : 'general',
        targets: job.targets,
        startLocal: { date: start.toISODate() ?? '', time: start.toFormat('HH:mm') },
        repeatWeeks: job.occurrences.length,
      },
    };
    await turn.startDialog(BROADCAST_DIALOG, options);
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
