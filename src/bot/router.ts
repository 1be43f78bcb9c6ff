import type { TurnContext } from 'botbuilder';
import type { CardAction } from '../cards/card-actions';
import type { BroadcastAction } from '../cards/broadcast/broadcast.actions';
import type { HelpAction } from '../cards/help/help.actions';
import type { ReferralAction } from '../cards/referral/referral.actions';
import type { ReferralLoopAction } from '../cards/referral-loop/referral-loop.actions';
import type { RoleAction } from '../cards/roles/roles.actions';
import type { RosterAction } from '../cards/roster/roster.actions';
import type { SessionLogAction } from '../cards/session-log/session-log.actions';
import type { SupervisionAction } from '../cards/supervision/supervision.actions';
import type { BroadcastCommand } from '../dialogs/broadcast/broadcast.routes';
import type { DigestAction } from '../cards/digest/digest.actions';
import type { DigestCommand } from '../dialogs/digest/digest.routes';
import type { DialogRunner } from '../dialogs/dialog-runner';
import type { FeatureTurn, Reply } from '../dialogs/feature-turn';
import type { PersonalChat } from '../dialogs/personal-chat';
import type { HelpCommand } from '../dialogs/help/help.routes';
import type { RolesCommand } from '../dialogs/roles/roles.routes';
import type { RosterCommand } from '../dialogs/roster/roster.routes';
import {
  isDialogRoute,
  type CommandRoute,
  type DialogVerbRoute,
  type EventRoutes,
  type FeatureRoutes,
  type RouteRole,
  type VerbRoute,
  type VerbRoutes,
} from '../dialogs/routes';
import type { ReferralCommand } from '../dialogs/referral/referral.routes';
import type { SessionLogCommand } from '../dialogs/session-log/session-log.routes';
import type { SupervisionCommand } from '../dialogs/supervision/supervision.routes';
import type { Command } from '../domain/commands';
import type { RiskScan } from '../domain/risk/risk-net';
import type { RoleDirectory } from '../domain/roles';
import { featureTurn, type MemberLister } from './feature-turn.adapter';

/** Every feature's route table. Adding a verb or command to a feature changes nothing here. */
export interface Features {
  referral: FeatureRoutes<ReferralAction, ReferralCommand>;
  roles: FeatureRoutes<RoleAction, RolesCommand>;
  help: FeatureRoutes<HelpAction, HelpCommand>;
  broadcast: FeatureRoutes<BroadcastAction, BroadcastCommand>;
  supervision: FeatureRoutes<SupervisionAction, SupervisionCommand>;
  sessionLog: FeatureRoutes<SessionLogAction, SessionLogCommand>;
  digest: FeatureRoutes<DigestAction, DigestCommand>;
  roster: FeatureRoutes<RosterAction, RosterCommand>;
  referralLoop: FeatureRoutes<ReferralLoopAction, never>;
}

export const SENT_PRIVATELY = "That's personal, so I've sent it to you in our 1:1 chat.";
export const CANNOT_SEND_PRIVATELY =
  "That's personal, so I won't answer it here, and I couldn't open a 1:1 chat with you. Open a chat with me in Teams (Apps, then HWBC Assistant) and ask there.";

const DEFAULT_REFUSALS: Record<Exclude<RouteRole, 'referrer'>, string> = {
  coach:
    'That is for the PCN’s Health and Wellbeing Coaches. If you are one, ask your PCN lead to add you to the team.',
  lead: 'That is for PCN leads.',
};

type AnyVerbRoute = VerbRoute<CardAction> | DialogVerbRoute<CardAction>;

/**
 * One router over the features' route tables: it finds the route for a verb or command, applies
 * the role the route declares, and hands the feature a turn with no botbuilder type in it.
 */
export class Router {
  private readonly verbs: VerbRoutes<CardAction>;
  private readonly commands: Record<Command, CommandRoute>;
  private readonly events: EventRoutes[];

  constructor(
    features: Features,
    private readonly roles: RoleDirectory,
    private readonly runner: DialogRunner,
    private readonly personalChat: PersonalChat,
    /** How a feature may list the conversation's members (choosing someone to add to the team). */
    private readonly members?: MemberLister,
  ) {
    const {
      referral,
      roles: roleCards,
      help,
      broadcast,
      supervision,
      sessionLog,
      digest,
      roster,
      referralLoop,
    } = features;
    // Spelled out so tsc proves every verb and every command has exactly one route.
    this.verbs = {
      ...referral.verbs,
      ...roleCards.verbs,
      ...help.verbs,
      ...broadcast.verbs,
      ...supervision.verbs,
      ...sessionLog.verbs,
      ...digest.verbs,
      ...roster.verbs,
      ...referralLoop.verbs,
    };
    this.commands = {
      ...referral.commands,
      ...roleCards.commands,
      ...help.commands,
      ...broadcast.commands,
      ...supervision.commands,
      ...sessionLog.commands,
      ...digest.commands,
      ...roster.commands,
    };
    this.events = Object.values(features).flatMap((f: { events?: EventRoutes }) =>
      f.events ? [f.events] : [],
    );
  }

  turn(context: TurnContext): FeatureTurn {
    return featureTurn(context, this.runner, this.members);
  }

  /** Whether the verb is answered by an open dialog rather than at once. */
  belongsToDialog(action: CardAction): boolean {
    return isDialogRoute(this.verbRoute(action));
  }

  /** Answer a verb that is not a dialog's, or a dialog's verb whose dialog has closed. */
  async action(context: TurnContext, action: CardAction): Promise<void> {
    const route = this.verbRoute(action);
    const turn = this.turn(context);
    if (isDialogRoute(route)) {
      await route.closed(turn, action);
      return;
    }
    if (await this.allowed(turn, route.role, route.refusal)) {
      await this.inPrivateIfNeeded(turn, route.privateReply, (t) => route.handle(t, action));
    }
  }

  /** Whether a command is still answered in the turn that told the user their dialog expired. */
  answersAfterExpiry(command: Command): boolean {
    return this.commands[command].afterExpiry === true;
  }

  async command(context: TurnContext, command: Command, text: string): Promise<void> {
    const route = this.commands[command];
    const turn = this.turn(context);
    if (await this.allowed(turn, route.role, route.refusal)) {
      await this.inPrivateIfNeeded(turn, route.privateReply, (t) => route.handle(t, text));
    }
  }

  /**
   * A route that answers with personal or team data, asked in a channel or group chat: the
   * answer goes to the person's 1:1 chat and the shared conversation hears only that it went.
   */
  private async inPrivateIfNeeded(
    turn: FeatureTurn,
    privateReply: true | undefined,
    handle: (turn: FeatureTurn) => Promise<void>,
  ): Promise<void> {
    if (!privateReply || turn.caller.conversationKind === 'personal') {
      await handle(turn);
      return;
    }
    const held: Reply[] = [];
    await handle({ ...turn, send: (reply) => Promise.resolve(void held.push(reply)) });
    if (held.length === 0) {
      return;
    }
    const sent = await this.personalChat
      .send(
        turn.caller.tenantId,
        turn.caller.accountId,
        held.map((reply) => (typeof reply === 'string' ? { text: reply } : reply)),
      )
      .catch(() => 'unreachable' as const);
    await turn.send(sent === 'sent' ? SENT_PRIVATELY : CANNOT_SEND_PRIVATELY);
  }

  async installed(context: TurnContext): Promise<void> {
    const turn = this.turn(context);
    for (const events of this.events) {
      await events.installed?.(turn);
    }
  }

  async uninstalled(context: TurnContext): Promise<void> {
    const turn = this.turn(context);
    for (const events of this.events) {
      await events.uninstalled?.(turn);
    }
  }

  /** A risk found in a typed message; 'handled' when nothing more should read the message. */
  async riskMentioned(
    context: TurnContext,
    scan: Exclude<RiskScan, { kind: 'none' }>,
  ): Promise<'handled' | 'carry-on'> {
    const turn = this.turn(context);
    for (const events of this.events) {
      if (events.riskMentioned && (await events.riskMentioned(turn, scan)) === 'handled') {
        return 'handled';
      }
    }
    return 'carry-on';
  }

  async unknownButton(context: TurnContext): Promise<void> {
    const turn = this.turn(context);
    for (const events of this.events) {
      await events.unknownButton?.(turn);
    }
  }

  private verbRoute(action: CardAction): AnyVerbRoute {
    // The table is keyed by verb, so this route takes exactly this action's type.
    return this.verbs[action.verb];
  }

  private async allowed(
    turn: FeatureTurn,
    role: RouteRole,
    refusal?: string | (() => string),
  ): Promise<boolean> {
    if (role === 'referrer') {
      return true;
    }
    const id = turn.caller.userId || undefined;
    if (role === 'coach' ? this.roles.isCoach(id) : this.roles.isLead(id)) {
      return true;
    }
    await turn.send(
      typeof refusal === 'function' ? refusal() : (refusal ?? DEFAULT_REFUSALS[role]),
    );
    return false;
  }
}
