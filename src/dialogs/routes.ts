import type { Command } from '../domain/commands';
import type { RiskScan } from '../domain/risk/risk-net';
import type { FeatureTurn } from './feature-turn';

/** Who may use a route. Everyone in an allowed tenant is a referrer. */
export type RouteRole = 'referrer' | 'coach' | 'lead';

interface Guarded {
  role: RouteRole;
  /** What someone without the role is told; each role has a default in the router. */
  refusal?: string | (() => string);
  /**
   * Personal or team data: asked in a channel or group chat, the answer goes to the person's 1:1
   * chat and the shared conversation is only told so.
   */
  privateReply?: true;
}

/** A card verb answered at once, whatever the user has in progress. */
export interface VerbRoute<A> extends Guarded {
  handle(turn: FeatureTurn, action: A): Promise<void>;
}

/**
 * A card verb that belongs to a multi-turn dialog: the active dialog answers it; `closed` runs
 * when no dialog is waiting for it (an old card pressed after its questions ended).
 */
export interface DialogVerbRoute<A> {
  dialog: true;
  closed(turn: FeatureTurn, action: A): Promise<void>;
}

/** Every verb of a feature's card actions, each with one route: lint and tsc keep it complete. */
export type VerbRoutes<A extends { verb: string }> = {
  [V in A['verb']]: VerbRoute<Extract<A, { verb: V }>> | DialogVerbRoute<Extract<A, { verb: V }>>;
};

/** A typed command, recognised outside any dialog. */
export interface CommandRoute extends Guarded {
  /** Also answered in the turn that tells the user an earlier dialog expired. */
  afterExpiry?: boolean;
  handle(turn: FeatureTurn, text: string): Promise<void>;
}

/** Things that happen to the bot rather than things the user says. */
export interface EventRoutes {
  /** The app was added to this conversation. */
  installed?(turn: FeatureTurn): Promise<void>;
  /** The app was removed from this personal chat. */
  uninstalled?(turn: FeatureTurn): Promise<void>;
  /** A card sent a payload no route knows (an older card, or a forged one). */
  unknownButton?(turn: FeatureTurn): Promise<void>;
  /**
   * The risk net found a risk in a typed message, before anything else read it. 'handled'
   * means the message is dealt with; 'carry-on' that it is read as usual afterwards.
   */
  riskMentioned?(
    turn: FeatureTurn,
    scan: Exclude<RiskScan, { kind: 'none' }>,
  ): Promise<'handled' | 'carry-on'>;
}

/** One feature's route table: the verbs and commands it answers, and the events it cares about. */
export interface FeatureRoutes<A extends { verb: string }, C extends Command> {
  verbs: VerbRoutes<A>;
  commands: { [K in C]: CommandRoute };
  events?: EventRoutes;
}

export function isDialogRoute<A>(
  route: VerbRoute<A> | DialogVerbRoute<A>,
): route is DialogVerbRoute<A> {
  return 'dialog' in route;
}
