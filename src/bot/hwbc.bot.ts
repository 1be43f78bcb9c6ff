import { TeamsActivityHandler, TurnContext, type BotState } from 'botbuilder';
import type { DialogRunner } from '../dialogs/dialog-runner';
import { readUserInput, setUserInput } from '../dialogs/user-input';
import type { Clock } from '../domain/clock';
import { recogniseCommand, type Command } from '../domain/commands';
import { scanForRisk } from '../domain/risk/risk-net';
import type { RiskVocabulary } from '../domain/risk/risk-vocabulary';
import type { Logger } from '../logger';
import type { ConversationRepository } from '../store/conversation.repository';
import { refusalForIdentifiers } from './inbound-privacy';
import { shortHash } from './short-hash';
import { addressSharedReplies, isSomeoneElsesCard, SOMEONE_ELSES_CARD } from './shared-replies';
import { captureConversation, conversationKind, tenantOf } from './conversation-capture';
import { ConversationRecorder } from './conversation-recorder';
import type { Router } from './router';
import type { TurnGate } from './turn-gate';

export interface HwbcBotDependencies {
  runner: DialogRunner;
  router: Router;
  gate: TurnGate;
  /** The risk net's words: the shipped ones and the PCN's own. */
  riskVocabulary: RiskVocabulary;
  /** Saved once at the end of each turn. */
  state: BotState;
  conversations: ConversationRepository;
  clock: Clock;
  logger: Logger;
}

/**
 * The Teams activity handler: the edge between Teams and the features. It keeps conversation
 * references, answers only when mentioned in shared chats, applies the guards every message
 * passes, and hands the rest to the open dialog or to the router.
 */
export class HwbcBot extends TeamsActivityHandler {
  private readonly recorder: ConversationRecorder;

  constructor(private readonly deps: HwbcBotDependencies) {
    super();
    this.recorder = new ConversationRecorder(deps.conversations);
    this.onMessage(async (context, next) => {
      await this.handleMessage(context);
      await next();
    });
    this.onInstallationUpdateAdd(async (context, next) => {
      await this.remember(context, true);
      await this.deps.router.installed(context);
      await next();
    });
    this.onInstallationUpdateRemove(async (context, next) => {
      await this.forget(context);
      await this.deps.router.uninstalled(context);
      await next();
    });
    this.onTeamsMembersAddedEvent(async (_members, _team, context, next) => {
      await this.remember(context, true);
      await next();
    });
    this.onTeamsMembersRemovedEvent(async (members, _team, context, next) => {
      if (members.some((m) => m.id === context.activity.recipient.id)) {
        await this.forget(context);
      }
      await next();
    });
  }

  /** Each activity is applied once, and one person's turns in a conversation never interleave. */
  override async run(context: TurnContext): Promise<void> {
    await this.deps.gate.run(context.activity, async () => {
      await super.run(context);
      await this.deps.state.saveChanges(context, false);
    });
  }

  private async handleMessage(context: TurnContext): Promise<void> {
    await this.remember(context, false);
    const kind = conversationKind(context.activity);
    const isCardSubmit = context.activity.value !== undefined && context.activity.value !== null;
    if (kind !== 'personal' && !isCardSubmit && !this.mentionsMe(context)) {
      return;
    }
    addressSharedReplies(context);
    if (isSomeoneElsesCard(context.activity)) {
      await context.sendActivity(SOMEONE_ELSES_CARD);
      return;
    }
    const input = readUserInput(context);
    setUserInput(context, input);
    const { router } = this.deps;

    // Risk first, before anything else reads the message: a risk in words reaches the urgent route.
    if (input.kind === 'text') {
      const scan = scanForRisk(input.text, this.deps.riskVocabulary);
      if (scan.kind !== 'none') {
        this.deps.logger.info('risk_mentioned', { kind: scan.kind, category: scan.category });
        if ((await router.riskMentioned(context, scan)) === 'handled') {
          return;
        }
      }
    }
    // Before any dialog, handler, store or log sees it.
    const refusal = refusalForIdentifiers(input, this.deps.clock.now());
    if (refusal) {
      this.deps.logger.info('identifier_refused', { input: input.kind });
      await context.sendActivity(refusal);
      return;
    }
    if (input.kind === 'invalid-action') {
      // The verb came from the card (or a forger): log its shape, never its text.
      this.deps.logger.warn('card_action_refused', {
        verbLength: input.verb?.length ?? 0,
        verbHash: input.verb === undefined ? null : shortHash(input.verb, 12),
        activityId: context.activity.id,
      });
      await router.unknownButton(context);
      return;
    }
    if (input.kind === 'action' && !router.belongsToDialog(input.action)) {
      await router.action(context, input.action);
      return;
    }

    const result = await this.deps.runner.continueActive(context);
    if (result === 'continued') {
      return;
    }
    if (input.kind === 'action') {
      await router.action(context, input.action);
      return;
    }
    const command: Command = input.kind === 'text' ? recogniseCommand(input.text) : 'unknown';
    if (result === 'expired' && !router.answersAfterExpiry(command)) {
      return;
    }
    await router.command(context, command, input.kind === 'text' ? input.text : '');
  }

  private mentionsMe(context: TurnContext): boolean {
    const botId = context.activity.recipient?.id;
    return TurnContext.getMentions(context.activity).some((m) => m.mentioned?.id === botId);
  }

  /** Keep the conversation's reference: on every install or membership change; for a message, only if it matters. */
  private async remember(context: TurnContext, always: boolean): Promise<void> {
    const now = this.deps.clock.now();
    const conversation = captureConversation(context.activity, now.toISO() ?? '');
    if (conversation) {
      await this.recorder.record(conversation, now.toMillis(), always);
    }
  }

  private async forget(context: TurnContext): Promise<void> {
    const tenantId = tenantOf(context.activity);
    const conversation = captureConversation(context.activity, this.deps.clock.now().toISO() ?? '');
    if (tenantId && conversation) {
      this.recorder.forget(tenantId, conversation.conversationId);
      await this.deps.conversations.markInactive(
        tenantId,
        conversation.conversationId,
        conversation.updatedAt,
      );
      this.deps.logger.info('conversation_inactive', { kind: conversation.kind });
    }
  }
}
