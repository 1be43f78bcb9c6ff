import { randomUUID } from 'node:crypto';
import type { TurnContext } from 'botbuilder';
import { describeOccurrences, renderBroadcastListCard } from '../cards/broadcast-cards';
import { statusCard, type ReportLinks } from '../dialogs/broadcast/broadcast-status';
import type { Actor, BroadcastService } from '../dialogs/broadcast/broadcast.service';
import type { DialogRunner } from '../dialogs/dialog-runner';
import { summarise } from '../domain/broadcast/broadcast';
import type { Clock } from '../domain/clock';
import type { PcnConfig } from '../domain/pcn-config';
import type { RoleDirectory } from '../domain/roles';
import type { BroadcastRepository } from '../store/broadcast.repository';
import { conversationKind, tenantOf } from './conversation-capture';

export interface BroadcastCommandDependencies {
  service: BroadcastService;
  broadcasts: BroadcastRepository;
  roles: RoleDirectory;
  links: ReportLinks;
  clock: Clock;
  pcn: PcnConfig;
  runner: DialogRunner;
}

/** A lead's channel posts: start one, post here, list, status, cancel. Only leads may post. */
export class BroadcastCommands {
  constructor(private readonly deps: BroadcastCommandDependencies) {}

  async start(context: TurnContext): Promise<void> {
    if (!(await this.requireLead(context))) {
      return;
    }
    if (conversationKind(context.activity) !== 'personal') {
      await context.sendActivity(
        "Let's do that in a 1:1 chat with me, so the channel doesn't see your drafts. Or say '@HWBC Assistant post the role card here' to post to this channel.",
      );
      return;
    }
    await this.deps.runner.startBroadcast(context);
  }

  /** "@bot post the role card here", in a channel: one post of the role card, as a new thread. */
  async postHere(context: TurnContext): Promise<void> {
    if (!(await this.requireLead(context))) {
      return;
    }
    const { activity } = context;
    const channelData = activity.channelData as
      | { team?: { id?: string; name?: string }; channel?: { id?: string; name?: string } }
      | undefined;
    const channelId = channelData?.channel?.id ?? activity.conversation.id.split(';')[0];
    const teamId = channelData?.team?.id;
    if (conversationKind(activity) !== 'channel' || !channelId || !teamId) {
      await context.sendActivity(
        "'Post here' works in a team channel. In a 1:1 chat, type 'post role cards' to choose channels.",
      );
      return;
    }
    const target = {
      teamId,
      teamName: channelData.team?.name ?? 'Team',
      channelId,
      channelName: channelData.channel?.name ?? 'General',
      serviceUrl: activity.serviceUrl,
    };
    const result = await this.deps.service.create(
      randomUUID(),
      { cards: ['what'], audience: 'general', targets: [target], repeatWeeks: 1 },
      this.actor(context),
    );
    if ('problem' in result) {
      await context.sendActivity(result.problem);
      return;
    }
    await context.sendActivity(
      'Posting the role card to this channel as a new post. It will appear in a few seconds.',
    );
  }

  async list(context: TurnContext): Promise<void> {
    if (!(await this.requireLead(context))) {
      return;
    }
    const actor = this.actor(context);
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
    await context.sendActivity({ attachments: [renderBroadcastListCard({ jobs: rows })] });
  }

  async status(context: TurnContext, jobId: string): Promise<void> {
    const job = await this.ownJob(context, jobId);
    if (job) {
      await context.sendActivity({
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
  async confirmAgain(context: TurnContext, draftId: string): Promise<void> {
    const job = await this.deps.broadcasts.getJob(draftId);
    if (job && job.createdBy === this.actor(context).aadObjectId) {
      await context.sendActivity('That post was already made; here is how it is going.');
      await this.status(context, draftId);
      return;
    }
    await context.sendActivity(
      "That draft has closed, and nothing was posted from it. Type 'post role cards' to start again.",
    );
  }

  async cancel(context: TurnContext, jobId: string): Promise<void> {
    const job = await this.ownJob(context, jobId);
    if (!job) {
      return;
    }
    const cancelled = await this.deps.service.cancel(jobId, this.actor(context));
    await context.sendActivity(
      cancelled > 0
        ? `Cancelled ${cancelled} post${cancelled === 1 ? '' : 's'} not yet sent. Posts already made stay in their channels.`
        : 'There was nothing left to cancel: every post had already gone.',
    );
  }

  private async ownJob(
    context: TurnContext,
    jobId: string,
  ): Promise<Awaited<ReturnType<BroadcastRepository['getJob']>>> {
    if (!(await this.requireLead(context))) {
      return undefined;
    }
    const job = await this.deps.broadcasts.getJob(jobId);
    if (
      !job ||
      job.createdBy !== this.actor(context).aadObjectId ||
      job.tenantId !== this.actor(context).tenantId
    ) {
      await context.sendActivity("I can't find that post among yours.");
      return undefined;
    }
    return job;
  }

  private async requireLead(context: TurnContext): Promise<boolean> {
    if (this.deps.roles.isLead(context.activity.from.aadObjectId)) {
      return true;
    }
    const leads = this.deps.pcn.leads.map((l) => l.displayName);
    await context.sendActivity(
      leads.length > 0
        ? `Only PCN leads can post role cards to channels. At ${this.deps.pcn.pcnName} that is: ${leads.join(', ')}. You can still see any card: type 'role cards'.`
        : "Only PCN leads can post role cards to channels, and none are set up yet. Ask your PCN's admin to add leads to the configuration.",
    );
    return false;
  }

  private actor(context: TurnContext): Actor {
    const { activity } = context;
    return {
      tenantId: tenantOf(activity) ?? '',
      aadObjectId: activity.from.aadObjectId ?? activity.from.id,
      name: activity.from.name ?? 'A lead',
    };
  }
}
