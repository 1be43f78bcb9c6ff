import type { StatePropertyAccessor, TurnContext } from 'botbuilder';
import type { Dialog, DialogContext, DialogSet, DialogState } from 'botbuilder-dialogs';
import { DateTime } from 'luxon';
import type { Clock } from '../domain/clock';
import { BROADCAST_DIALOG } from './broadcast/broadcast.dialog-id';
import { wasPassedOn } from './passed-on';
import { REFERRAL_DIALOG } from './referral/referral.dialog-id';

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
 *
 * The dialogs (and botbuilder-dialogs, with its prompts and recognisers) are loaded the first
 * time someone has a dialog to start or continue, not when the bot starts: a turn with no dialog
 * open reads the dialog state and goes no further.
 */
export class DialogRunner {
  private dialogs: Promise<DialogSet> | undefined;

  constructor(
    private readonly dialogState: StatePropertyAccessor<DialogState>,
    private readonly lastActive: StatePropertyAccessor<string | undefined>,
    private readonly loadDialogs: readonly Dialog[] | (() => Promise<readonly Dialog[]>),
    private readonly clock: Clock,
    private readonly idleMinutes: number,
  ) {}

  private dialogSet(): Promise<DialogSet> {
    this.dialogs ??= (async () => {
      const [{ DialogSet: Set }, dialogs] = await Promise.all([
        import('botbuilder-dialogs'),
        typeof this.loadDialogs === 'function' ? this.loadDialogs() : this.loadDialogs,
      ]);
      const set = new Set(this.dialogState);
      for (const dialog of dialogs) {
        set.add(dialog);
      }
      return set;
    })();
    return this.dialogs;
  }

  private async context(context: TurnContext): Promise<DialogContext> {
    return (await this.dialogSet()).createContext(context);
  }

  /** Whether the stored dialog state has a dialog open, without loading any dialog. */
  private async anyOpen(context: TurnContext): Promise<boolean> {
    const state = await this.dialogState.get(context);
    return (state?.dialogStack.length ?? 0) > 0;
  }

  /** Continue the user's active dialog, when one is open ('none' too when it passed the input on). */
  async continueActive(context: TurnContext): Promise<ContinueResult> {
    const now = this.clock.now();
    const last = await this.lastActive.get(context);
    await this.lastActive.set(context, now.toISO() ?? undefined);
    if (!(await this.anyOpen(context))) {
      return 'none';
    }
    const dc = await this.context(context);
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
    // A dialog that passed the input on is still open; the router answers this turn.
    return wasPassedOn(context) ? 'none' : 'continued';
  }

  /** Start a dialog, replacing anything the user had in progress. */
  async start(context: TurnContext, dialogId: string, options?: object): Promise<void> {
    const dc = await this.context(context);
    await dc.cancelAllDialogs();
    await this.lastActive.set(context, this.clock.now().toISO() ?? undefined);
    await dc.beginDialog(dialogId, options);
  }

  async hasActiveDialog(context: TurnContext): Promise<boolean> {
    if (!(await this.anyOpen(context))) {
      return false;
    }
    const dc = await this.context(context);
    return dc.activeDialog !== undefined;
  }
}
