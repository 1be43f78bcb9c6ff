import { randomUUID } from 'node:crypto';
import { TurnContext } from 'botbuilder';
import {
  Dialog,
  type DialogContext,
  type DialogInstance,
  type DialogTurnResult,
} from 'botbuilder-dialogs';
import { DateTime } from 'luxon';
import { z } from 'zod';
import type { CardAttachment } from '../../cards/render';
import {
  describeOccurrences,
  renderBroadcastComposeCard,
  renderBroadcastPreviewCard,
} from '../../cards/broadcast/broadcast.cards';
import {
  AUDIENCE_LABELS,
  AUDIENCES,
  ROLE_CARD_TITLES,
  ROLE_CARDS,
  type RoleCardKey,
} from '../../cards/roles/role-content';
import { channelTargetSchema, LONDON, occurrenceTimes } from '../../domain/broadcast/broadcast';
import type { Clock } from '../../domain/clock';
import type { BroadcastRepository } from '../../store/broadcast.repository';
import { InterruptibleDialog, type InterruptionMessages } from '../interruptible.dialog';
import { passOn } from '../passed-on';
import { getUserInput } from '../user-input';
import { readDraft, type ComposeInput } from './broadcast-draft';
import { broadcastDraftSchema, changeOptionsSchema } from './broadcast-change';
import { statusCard, type ReportLinks } from '../../cards/broadcast/broadcast-status';
import type { BroadcastDraft, BroadcastService } from './broadcast.service';
import type { ChannelDirectory } from './channel-directory';

import { BROADCAST_DIALOG } from './broadcast.dialog-id';

export { BROADCAST_DIALOG };
const COMPOSE_LOOP = 'broadcastCompose';

export interface BroadcastDialogDependencies {
  service: BroadcastService;
  broadcasts: BroadcastRepository;
  channels: ChannelDirectory;
  links: ReportLinks;
  clock: Clock;
  /** Sends a reply at once (not held for the end of the turn) and returns its id. */
  sendNow: (context: TurnContext, card: CardAttachment) => Promise<string | undefined>;
}

const stateSchema = z.object({
  stage: z.enum(['compose', 'preview']),
  channels: z.array(channelTargetSchema),
  draftId: z.string(),
  draft: broadcastDraftSchema.optional(),
  /** The post this draft changes, when the lead pressed Change on one. */
  replacing: z.string().optional(),
});
type ComposeState = z.infer<typeof stateSchema>;

const MESSAGES: InterruptionMessages = {
  cancelled: 'Cancelled. Nothing was posted.',
  help: "Choose cards, who they are for and the channels, then press Preview. Nothing is posted until you press Post. Type 'cancel' to stop.",
};

/** A lead posts role cards to channels: compose, preview exactly what will go, then post or schedule. */
export class BroadcastDialog extends InterruptibleDialog {
  constructor(deps: BroadcastDialogDependencies) {
    super(BROADCAST_DIALOG, new BroadcastComposeDialog(deps), MESSAGES);
  }
}

class BroadcastComposeDialog extends Dialog {
  constructor(private readonly deps: BroadcastDialogDependencies) {
    super(COMPOSE_LOOP);
  }

  override async beginDialog(dc: DialogContext, options?: object): Promise<DialogTurnResult> {
    const change = changeOptionsSchema.safeParse(options);
    const { activity } = dc.context;
    const tenantId = activity.conversation.tenantId ?? '';
    const channels = await this.deps.channels.list(dc.context, tenantId);
    if (channels.length === 0) {
      await dc.context.sendActivity(
        "I'm not in any team channels yet, so there is nowhere to post. Add the app to a team (Apps › Manage your apps › Add to a team), then try again.",
      );
      return dc.endDialog();
    }
    const state: ComposeState = change.success
      ? {
          stage: 'compose',
          channels,
          draftId: randomUUID(),
          replacing: change.data.replacing,
          draft: {
            ...change.data.draft,
            // Only channels the bot can still post to; the lead chooses again if one has gone.
            targets: change.data.draft.targets.filter((t) =>
              channels.some((c) => c.channelId === t.channelId),
            ),
          },
        }
      : { stage: 'compose', channels, draftId: randomUUID() };
    this.save(dc, state);
    await this.sendCompose(dc.context, state, '');
    return Dialog.EndOfTurn;
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const state = stateSchema.parse(dc.activeDialog?.state);
    const input = getUserInput(dc.context);
    if (input.kind !== 'action') {
      // The draft reads only its card's buttons: a typed command is answered as usual, and the
      // draft stays open for its buttons.
      passOn(dc.context);
      return Dialog.EndOfTurn;
    }
    const action = input.action;
    switch (action.verb) {
      case 'broadcast.preview': {
        const read = readDraft(action, state.channels);
        if ('problem' in read) {
          await this.sendCompose(dc.context, state, read.problem, action);
          return Dialog.EndOfTurn;
        }
        const times = occurrenceTimes(
          read.draft.startLocal,
          read.draft.repeatWeeks,
          this.deps.clock.now(),
        );
        if (!Array.isArray(times)) {
          await this.sendCompose(dc.context, state, times.problem, action);
          return Dialog.EndOfTurn;
        }
        const next: ComposeState = { ...state, stage: 'preview', draft: read.draft };
        this.save(dc, next);
        await this.sendPreview(dc.context, next.draftId, read.draft, times);
        return Dialog.EndOfTurn;
      }
      case 'broadcast.edit':
        this.save(dc, { ...state, stage: 'compose' });
        await this.sendCompose(dc.context, state, '');
        return Dialog.EndOfTurn;
      case 'broadcast.discard':
        await dc.context.sendActivity('Cancelled. Nothing was posted.');
        return dc.endDialog();
      case 'broadcast.confirm': {
        if (state.stage !== 'preview' || !state.draft || action.draftId !== state.draftId) {
          await dc.context.sendActivity(
            'That preview is out of date. Here is the latest one to check.',
          );
          await this.sendCompose(dc.context, state, '');
          return Dialog.EndOfTurn;
        }
        return this.confirm(dc, state);
      }
      default:
        await this.sendCompose(dc.context, state, 'Finish this post first, or press Cancel.');
        return Dialog.EndOfTurn;
    }
  }

  override async repromptDialog(context: TurnContext, instance: DialogInstance): Promise<void> {
    const state = stateSchema.parse(instance.state);
    await this.sendCompose(context, state, '');
  }

  private async confirm(dc: DialogContext, state: ComposeState): Promise<DialogTurnResult> {
    const { draftId, draft } = state;
    if (!draft) {
      return Dialog.EndOfTurn;
    }
    const { activity } = dc.context;
    const actor = {
      tenantId: activity.conversation.tenantId ?? '',
      aadObjectId: activity.from.aadObjectId ?? activity.from.id,
      name: activity.from.name ?? 'A lead',
    };
    const result = state.replacing
      ? await this.deps.service.replace(state.replacing, draftId, draft, actor)
      : await this.deps.service.create(draftId, draft, actor);
    if ('problem' in result) {
      await dc.context.sendActivity(result.problem);
      return state.replacing ? dc.endDialog() : Dialog.EndOfTurn;
    }
    if (state.replacing) {
      await dc.context.sendActivity(
        'Changed. The earlier post will not go out; this one replaces it.',
      );
    }
    const deliveries = await this.deps.broadcasts.listDeliveries(result.job.jobId);
    const activityId = await this.deps.sendNow(
      dc.context,
      statusCard(result.job, deliveries, this.deps.links, this.deps.clock),
    );
    if (activityId) {
      const reference = JSON.parse(
        JSON.stringify(TurnContext.getConversationReference(activity)),
      ) as Record<string, unknown>;
      await this.deps.broadcasts.saveJob({ ...result.job, statusCard: { reference, activityId } });
    }
    return dc.endDialog();
  }

  private save(dc: DialogContext, state: ComposeState): void {
    if (dc.activeDialog) {
      dc.activeDialog.state = state;
    }
  }

  private async sendCompose(
    context: TurnContext,
    state: ComposeState,
    problem: string,
    previous?: ComposeInput,
  ): Promise<void> {
    const draft = state.draft;
    const tomorrow = this.deps.clock.now().setZone(LONDON).plus({ days: 1 });
    await context.sendActivity({
      attachments: [
        renderBroadcastComposeCard({
          note: state.replacing
            ? 'Changing a post: change what you need, then press Preview. Your post stays as it is until you press Post on the new preview.'
            : '',
          problem,
          cardChoices: ROLE_CARDS.map((key) => ({ title: ROLE_CARD_TITLES[key], value: key })),
          audienceChoices: AUDIENCES.map((value) => ({ title: AUDIENCE_LABELS[value], value })),
          channelChoices: state.channels.map((c) => ({
            title: `${c.teamName} › ${c.channelName}`,
            value: c.channelId,
          })),
          selectedCards: previous?.cards ?? draft?.cards.join(',') ?? 'what',
          selectedAudience: previous?.audience ?? draft?.audience ?? 'general',
          selectedChannels:
            previous?.channels ?? draft?.targets.map((t) => t.channelId).join(',') ?? '',
          selectedWhen: previous?.when ?? (draft?.startLocal ? 'later' : 'now'),
          date: previous?.date ?? draft?.startLocal?.date ?? tomorrow.toISODate() ?? '',
          time: previous?.time ?? draft?.startLocal?.time ?? '10:00',
          repeat: clampRepeat(previous?.repeat ?? draft?.repeatWeeks ?? 1),
        }),
      ],
    });
  }

  private async sendPreview(
    context: TurnContext,
    draftId: string,
    draft: BroadcastDraft,
    times: string[],
  ): Promise<void> {
    const rendered = this.deps.service.renderCards(draft.cards, draft.audience);
    await context.sendActivities(
      rendered.map((card) => ({
        type: 'message',
        attachments: [
          { contentType: 'application/vnd.microsoft.card.adaptive', content: card.content },
        ],
      })),
    );
    await context.sendActivity({
      attachments: [
        renderBroadcastPreviewCard({
          draftId,
          cards: draft.cards.map((key: RoleCardKey) => ROLE_CARD_TITLES[key]).join(', '),
          audience: AUDIENCE_LABELS[draft.audience],
          channels: draft.targets.map((t) => `${t.teamName} › ${t.channelName}`).join(', '),
          when: describeOccurrences(times, this.deps.clock.now().toISO() ?? DateTime.utc().toISO()),
          total: String(times.length * draft.targets.length * draft.cards.length),
        }),
      ],
    });
  }
}

function clampRepeat(value: string | number): number {
  const n = Number(value);
  return Number.isInteger(n) ? Math.min(12, Math.max(1, n)) : 1;
}
