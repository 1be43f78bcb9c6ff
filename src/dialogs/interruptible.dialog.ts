import {
  ComponentDialog,
  Dialog,
  type DialogContext,
  type DialogTurnResult,
} from 'botbuilder-dialogs';
import { getUserInput, interruptionOf } from './user-input';

/**
 * A dialog that "cancel", "start over" and "help" reach at any step. "back" is left to the
 * dialog itself, which knows what the previous step was.
 */
export abstract class InterruptibleDialog extends ComponentDialog {
  /** What to say when the user cancels. */
  protected abstract cancelledMessage(): string;
  /** A short reminder of what the user can do at this point. */
  protected abstract helpMessage(): string;

  protected override async onContinueDialog(inner: DialogContext): Promise<DialogTurnResult> {
    const interruption = interruptionOf(getUserInput(inner.context));
    switch (interruption) {
      case 'cancel':
        await inner.context.sendActivity(this.cancelledMessage());
        return inner.cancelAllDialogs();
      case 'restart':
        await inner.cancelAllDialogs();
        return inner.beginDialog(this.initialDialogId);
      case 'help':
        await inner.context.sendActivity(this.helpMessage());
        await inner.repromptDialog();
        return Dialog.EndOfTurn;
      case 'back':
      case undefined:
        return super.onContinueDialog(inner);
    }
  }
}
