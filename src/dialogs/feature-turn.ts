import type { CardAttachment } from '../cards/render';
import type { ConversationKind } from '../domain/conversation';

/** What a feature may say back: plain text, or cards. */
export type Reply = string | { attachments: CardAttachment[] };

/** The team channel a message came from, when it came from one. */
export interface ChannelOrigin {
  teamId: string;
  teamName: string;
  channelId: string;
  channelName: string;
  serviceUrl: string;
}

/** Who is asking, read once at the edge from the activity. */
export interface Caller {
  /** The Entra object id as Teams sent it, or the channel account id when there is none. */
  accountId: string;
  /** The Entra object id in lower case, or '' when Teams sent none. */
  userId: string;
  name: string;
  tenantId: string;
  conversationKind: ConversationKind;
  /** Set only for messages in a team channel that Teams described fully. */
  channel?: ChannelOrigin;
}

/** A person @mentioned in the message (not the bot), as Teams described them. */
export interface MentionedPerson {
  /** The Entra object id in lower case. */
  aadObjectId: string;
  name: string;
}

/** Someone in the conversation the turn came from, as Teams lists its members. */
export interface ConversationMember {
  /** The Entra object id in lower case. */
  aadObjectId: string;
  name: string;
}

/**
 * One turn as a feature sees it, with no botbuilder type: who asked, a key for this delivery of
 * the activity (the same when Teams redelivers it), a way to reply, and a way to hand the rest of
 * the conversation to one of the multi-turn dialogs.
 */
export interface FeatureTurn {
  readonly caller: Caller;
  /** Stable for one activity in one conversation: a redelivery carries the same key. */
  readonly activityKey: string;
  send(reply: Reply): Promise<void>;
  /**
   * Replace the card whose button started this turn (so its buttons cannot be pressed again), where
   * Teams allows it. False when there is no such card or it could not be updated: the reply sent
   * must be right on its own.
   */
  updateCard?(reply: Exclude<Reply, string>): Promise<boolean>;
  /** People @mentioned in a typed message, other than the bot; none for a card submit. */
  readonly mentions?: readonly MentionedPerson[];
  /**
   * The members of this team or group chat (Teams' paged member list); none in a 1:1 chat. Set
   * only where the bot can ask Teams.
   */
  listMembers?(): Promise<ConversationMember[]>;
  /** Start a dialog (replacing what the user had in progress), with the options it takes. */
  startDialog(dialogId: string, options?: object): Promise<void>;
}
