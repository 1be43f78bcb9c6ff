import type { StatePropertyAccessor, TurnContext } from 'botbuilder';
import { DialogSet, type DialogState } from 'botbuilder-dialogs';
import { DateTime } from 'luxon';
import type { Clock } from '../domain/clock';
import { REFERRAL_DIALOG, type ReferralDialog } from './referral/referral.dialog';

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
    referral: ReferralDialog,
    private readonly clock: Clock,
    private readonly idleMinutes: number,
  ) {
    this.dialogs = new DialogSet(dialogState);
    this.dialogs.add(referral);
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
      await dc.cancelAllDialogs();
      await context.sendActivity(
        `The referral questions you started earlier were cleared after ${this.idleMinutes} minutes without an answer, and none of your answers were kept. Type 'refer' to start again.`,
      );
      return 'expired';
    }
    await dc.continueDialog();
    return 'continued';
  }

  /** Start the referral questions, replacing anything the user had in progress. */
  async startReferral(context: TurnContext): Promise<void> {
    const dc = await this.dialogs.createContext(context);
    await dc.cancelAllDialogs();
    await this.lastActive.set(context, this.clock.now().toISO() ?? undefined);
    await dc.beginDialog(REFERRAL_DIALOG);
  }

  async hasActiveDialog(context: TurnContext): Promise<boolean> {
    const dc = await this.dialogs.createContext(context);
    return dc.activeDialog !== undefined;
  }
}
