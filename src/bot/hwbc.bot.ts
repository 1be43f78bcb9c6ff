import { TeamsActivityHandler, TurnContext, type BotState } from 'botbuilder';
import type { CardAttachment } from '../cards/render';
import { renderHelpCard } from '../cards/help.card';
import { renderRoleCard, renderRoleMenuCard, roleCardData } from '../cards/role-cards';
import type { Audience, RoleCardKey } from '../cards/role-content';
import { renderWelcomeCard } from '../cards/welcome.card';
import type { DialogRunner } from '../dialogs/dialog-runner';
import { readUserInput, setUserInput, type UserInput } from '../dialogs/user-input';
import type { Clock } from '../domain/clock';
import { contactsReviewStatus } from '../domain/contacts-review';
import { recogniseCommand, type Command } from '../domain/commands';
import { containsNhsNumber } from '../domain/nhs-number';
import type { PcnConfig } from '../domain/pcn-config';
import type { Logger } from '../logger';
import type { ConversationRepository } from '../store/conversation.repository';
import type { BroadcastCommands } from './broadcast-commands';
import type { SupervisionCommands } from './supervision-commands';
import type { SessionLogCommands } from './session-log-commands';
import { captureConversation, conversationKind, tenantOf } from './conversation-capture';

export interface HwbcBotDependencies {
  runner: DialogRunner;
  /** Saved once at the end of each turn. */
  state: BotState;
  conversations: ConversationRepository;
  pcn: PcnConfig;
  clock: Clock;
  logger: Logger;
  botName: string;
  contactsReviewMonths: number;
  broadcast: BroadcastCommands;
  supervision: SupervisionCommands;
  sessions: SessionLogCommands;
}

const ROLE_COMMAND_CARDS = {
  'role-who': 'who',
  'role-compare': 'compare',
  'role-how': 'how',
  'role-coaches': 'coaches',
  'role-patient': 'patient',
} as const satisfies Partial<Record<Command, RoleCardKey>>;

const NHS_NUMBER_WARNING =
  "That message looks like it holds an NHS number. I don't need patient identifiers and I haven't kept it. Please delete the message if you can, and describe the situation without identifiers.";

/**
 * The Teams activity handler: a thin router. It keeps conversation references, welcomes people
 * on install, answers only when mentioned in shared chats, and hands messages to the dialogs.
 */
export class HwbcBot extends TeamsActivityHandler {
  constructor(private readonly deps: HwbcBotDependencies) {
    super();
    this.onMessage(async (context, next) => {
      await this.handleMessage(context);
      await next();
    });
    this.onInstallationUpdateAdd(async (context, next) => {
      await this.remember(context);
      await context.sendActivity({ attachments: [this.welcomeCard(context)] });
      await next();
    });
    this.onInstallationUpdateRemove(async (context, next) => {
      await this.forget(context);
      const user = context.activity.from.aadObjectId;
      if (conversationKind(context.activity) === 'personal' && user) {
        await this.deps.supervision.pauseAllFor(user.toLowerCase());
      }
      await next();
    });
    this.onTeamsMembersAddedEvent(async (_members, _team, context, next) => {
      await this.remember(context);
      await next();
    });
    this.onTeamsMembersRemovedEvent(async (members, _team, context, next) => {
      if (members.some((m) => m.id === context.activity.recipient.id)) {
        await this.forget(context);
      }
      await next();
    });
  }

  override async run(context: TurnContext): Promise<void> {
    await super.run(context);
    await this.deps.state.saveChanges(context, false);
  }

  private async handleMessage(context: TurnContext): Promise<void> {
    await this.remember(context);
    const kind = conversationKind(context.activity);
    const isCardSubmit = context.activity.value !== undefined && context.activity.value !== null;
    if (kind !== 'personal' && !isCardSubmit && !this.mentionsMe(context)) {
      return;
    }
    const input = readUserInput(context);
    setUserInput(context, input);

    if (input.kind === 'text' && containsNhsNumber(input.text)) {
      await context.sendActivity(NHS_NUMBER_WARNING);
      return;
    }
    if (input.kind === 'invalid-action') {
      this.deps.logger.warn('card_action_refused', {
        verb: input.verb ?? '(none)',
        activityId: context.activity.id,
      });
      await this.sendHelp(
        context,
        "That button isn't one I recognise, perhaps from an older card. Here's what I can do now:",
      );
      return;
    }
    if (input.kind === 'action') {
      switch (input.action.verb) {
        case 'role.show':
          await this.sendRoleCard(context, input.action.card, input.action.audience);
          return;
        case 'help.show':
          await this.sendHelp(context, '');
          return;
        case 'referral.start':
          await this.deps.runner.startReferral(context);
          return;
        case 'broadcast.start':
          await this.deps.broadcast.start(context);
          return;
        case 'broadcast.status':
          await this.deps.broadcast.status(context, input.action.jobId);
          return;
        case 'broadcast.cancel':
          await this.deps.broadcast.cancel(context, input.action.jobId);
          return;
        case 'supervision.save':
          await this.deps.supervision.save(context, input.action);
          return;
        case 'supervision.discard':
          await context.sendActivity('OK, not saved.');
          return;
        case 'supervision.record':
          await this.deps.supervision.record(context, input.action);
          return;
        case 'supervision.snooze':
          await this.deps.supervision.snooze(context, input.action.scheduleId);
          return;
        case 'supervision.pause':
          await this.deps.supervision.pause(
            context,
            input.action.scheduleId,
            input.action.paused === 'true',
          );
          return;
        case 'supervision.delete':
          await this.deps.supervision.remove(context, input.action.scheduleId);
          return;
        case 'supervision.team':
          await this.deps.supervision.team(context);
          return;
        case 'supervision.new':
          await this.deps.supervision.form(context);
          return;
        case 'supervision.move':
          await this.deps.supervision.moveNext(context, input.action.scheduleId);
          return;
        case 'supervision.change':
          await this.deps.supervision.form(context, input.action.scheduleId);
          return;
        case 'supervision.form':
          await this.deps.supervision.saveForm(context, input.action);
          return;
        case 'session.start':
          await this.deps.sessions.start(context);
          return;
        case 'session.save':
          await this.deps.sessions.save(context, input.action);
          return;
        case 'session.delete':
          await this.deps.sessions.remove(context, input.action.logId);
          return;
        case 'session.edit':
          await this.deps.sessions.edit(context, input.action.logId);
          return;
        case 'referral.answer':
        case 'referral.back':
        case 'referral.cancel':
        case 'broadcast.preview':
        case 'broadcast.confirm':
        case 'broadcast.edit':
        case 'broadcast.discard':
          break;
      }
    }

    const result = await this.deps.runner.continueActive(context);
    if (result === 'continued') {
      return;
    }
    if (input.kind === 'action' && input.action.verb === 'broadcast.confirm') {
      await this.deps.broadcast.confirmAgain(context, input.action.draftId);
      return;
    }
    if (input.kind === 'action') {
      await context.sendActivity(
        input.action.verb.startsWith('broadcast.')
          ? "That draft has closed, and nothing was posted from it. Type 'post role cards' to start again."
          : "Those questions have finished. Type 'refer' or use the button to start again.",
      );
      return;
    }
    const command: Command = input.kind === 'text' ? recogniseCommand(input.text) : 'unknown';
    if (
      result === 'expired' &&
      command !== 'referral' &&
      command !== 'role' &&
      command !== 'help'
    ) {
      return;
    }
    await this.runCommand(context, command, input);
  }

  private async runCommand(
    context: TurnContext,
    command: Command,
    input: UserInput,
  ): Promise<void> {
    switch (command) {
      case 'referral':
        await this.deps.runner.startReferral(context);
        return;
      case 'role':
        await this.sendRoleCard(context, 'what');
        return;
      case 'role-menu':
        await this.sendRoleCard(context, undefined);
        return;
      case 'role-who':
      case 'role-compare':
      case 'role-how':
      case 'role-coaches':
      case 'role-patient':
        await this.sendRoleCard(context, ROLE_COMMAND_CARDS[command]);
        return;
      case 'help':
        await this.sendHelp(context, '');
        return;
      case 'broadcast':
        await this.deps.broadcast.start(context);
        return;
      case 'broadcast-here':
        await this.deps.broadcast.postHere(context);
        return;
      case 'broadcast-list':
        await this.deps.broadcast.list(context);
        return;
      case 'supervision-setup':
        await this.deps.supervision.setUpFromText(context, input.kind === 'text' ? input.text : '');
        return;
      case 'supervision-new':
        await this.deps.supervision.form(context);
        return;
      case 'supervision-mine':
        await this.deps.supervision.mine(context);
        return;
      case 'supervision-team':
        await this.deps.supervision.team(context);
        return;
      case 'session-log':
        await this.deps.sessions.start(context);
        return;
      case 'caseload':
        await this.deps.sessions.caseload(context);
        return;
      case 'activity-report':
        await this.deps.sessions.report(context);
        return;
      case 'cancel':
      case 'restart':
      case 'back':
        await context.sendActivity(
          "There's nothing in progress to change. Type 'refer' to start the referral questions.",
        );
        return;
      case 'unknown':
        await this.sendHelp(
          context,
          input.kind === 'empty' ? '' : "Sorry, I didn't understand that. Here's what I can do:",
        );
        return;
    }
  }

  private mentionsMe(context: TurnContext): boolean {
    const botId = context.activity.recipient?.id;
    return TurnContext.getMentions(context.activity).some((m) => m.mentioned?.id === botId);
  }

  private isShared(context: TurnContext): boolean {
    return conversationKind(context.activity) !== 'personal';
  }

  private welcomeCard(context: TurnContext): CardAttachment {
    const kind = conversationKind(context.activity);
    return renderWelcomeCard({
      pcnName: this.deps.pcn.pcnName,
      shared: kind !== 'personal',
      conversationLabel: kind === 'channel' ? 'team' : 'group chat',
      botName: this.deps.botName,
    });
  }

  private async sendRoleCard(
    context: TurnContext,
    card: RoleCardKey | undefined,
    audience: Audience = 'general',
  ): Promise<void> {
    if (card === undefined) {
      await context.sendActivity({ attachments: [renderRoleMenuCard()] });
      return;
    }
    const review = contactsReviewStatus(
      this.deps.pcn.reviewedOn,
      this.deps.clock.now(),
      this.deps.contactsReviewMonths,
    );
    await context.sendActivity({
      attachments: [renderRoleCard(card, roleCardData(card, audience, this.deps.pcn, review.note))],
    });
  }

  private async sendHelp(context: TurnContext, notice: string): Promise<void> {
    await context.sendActivity({
      attachments: [
        renderHelpCard({ notice, shared: this.isShared(context), botName: this.deps.botName }),
      ],
    });
  }

  private async remember(context: TurnContext): Promise<void> {
    const conversation = captureConversation(context.activity, this.deps.clock.now().toISO() ?? '');
    if (conversation) {
      await this.deps.conversations.upsert(conversation);
    }
  }

  private async forget(context: TurnContext): Promise<void> {
    const tenantId = tenantOf(context.activity);
    const conversation = captureConversation(context.activity, this.deps.clock.now().toISO() ?? '');
    if (tenantId && conversation) {
      await this.deps.conversations.markInactive(
        tenantId,
        conversation.conversationId,
        conversation.updatedAt,
      );
      this.deps.logger.info('conversation_inactive', { kind: conversation.kind });
    }
  }
}
