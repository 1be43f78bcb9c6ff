import type { StatePropertyAccessor, TurnContext } from 'botbuilder';
import { DialogSet, type Dialog, type DialogState } from 'botbuilder-dialogs';
import { DateTime } from 'luxon';
import type { Clock } from '../domain/clock';
import { BROADCAST_DIALOG } from './broadcast/broadcast.dialog';
import { REFERRAL_DIALOG } from './referral/referral.dialog';

const WHAT_EXPIRED: Record<string, { what: string; restart: string }> = {
  [REFERRAL_DIALOG]: {
    what: 'The referral questions you started earlier were',
    restart: "Type 'refer' to start again.",
  },
  [BROADCAST_DIALOG]: {
    what: 'The channel post you were preparing was',
    restart: "Type 'post role cards' to start again. Nothing was posted.",
  },
};

export type ContinueResult = 'continued' | 'expired' | 'none';

/**
 * Runs the user's dialogs. State is per user even in shared chats (the accessors come from
 * private conversation state), and a dialog left alone longer than the idle time is cleared,
 * with a word to the user when they come back.
 */
export class DialogRunner {
  private readonly dialogs: DialogSet;

  constructor(
    dialogState: StatePropertyAccessor<DialogState>,
    private readonly lastActive: StatePropertyAccessor<string | undefined>,
    dialogs: readonly Dialog[],
    private readonly clock: Clock,
    private readonly idleMinutes: number,
  ) {
    this.dialogs = new DialogSet(dialogState);
    for (const dialog of dialogs) {
      this.dialogs.add(dialog);
    }
  }

  /** Continue the user's active dialog, if any. */
  async continueActive(context: TurnContext): Promise<ContinueResult> {
    const dc = await this.dialogs.createContext(context);
    const now = this.clock.now();
    const last = await this.lastActive.get(context);
    await this.lastActive.set(context, now.toISO() ?? undefined);
    if (!dc.activeDialog) {
      return 'none';
    }
    const lastSeen = last ? DateTime.fromISO(last, { zone: 'utc' }) : undefined;
    if (lastSeen?.isValid && now.diff(lastSeen, 'minutes').minutes > this.idleMinutes) {
      const words = WHAT_EXPIRED[dc.activeDialog.id] ?? {
        what: 'What you started earlier was',
        restart: '',
      };
      await dc.cancelAllDialogs();
      await context.sendActivity(
        `${words.what} cleared after ${this.idleMinutes} minutes without an answer, and none of your answers were kept. ${words.restart}`.trim(),
      );
      return 'expired';
    }
    await dc.continueDialog();
    return 'continued';
  }

  /** Start a dialog, replacing anything the user had in progress. */
  async start(context: TurnContext, dialogId: string, options?: object): Promise<void> {
    const dc = await this.dialogs.createContext(context);
    await dc.cancelAllDialogs();
    await this.lastActive.set(context, this.clock.now().toISO() ?? undefined);
    await dc.beginDialog(dialogId, options);
  }

  async hasActiveDialog(context: TurnContext): Promise<boolean> {
    const dc = await this.dialogs.createContext(context);
    return dc.activeDialog !== undefined;
  }
}
