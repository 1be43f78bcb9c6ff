import {
  ComponentDialog,
  Dialog,
  type DialogContext,
  type DialogTurnResult,
} from 'botbuilder-dialogs';
import { getUserInput, interruptionOf } from './user-input';

export interface InterruptionMessages {
  /** What to say when the user cancels. */
  readonly cancelled: string;
  /** A short reminder of what the user can do at this point. */
  readonly help: string;
}

/**
 * A dialog whose `steps` "cancel", "start over" and "help" reach at any step. "back" is left to
 * the steps themselves, which know what the previous step was.
 */
export class InterruptibleDialog extends ComponentDialog {
  constructor(
    dialogId: string,
    steps: Dialog,
    private readonly messages: InterruptionMessages,
  ) {
    super(dialogId);
    this.addDialog(steps);
  }

  protected override async onContinueDialog(inner: DialogContext): Promise<DialogTurnResult> {
    const interruption = interruptionOf(getUserInput(inner.context));
    switch (interruption) {
      case 'cancel':
        await inner.context.sendActivity(this.messages.cancelled);
        return inner.cancelAllDialogs();
      case 'restart':
        await inner.cancelAllDialogs();
        return inner.beginDialog(this.initialDialogId);
      case 'help':
        await inner.context.sendActivity(this.messages.help);
        await inner.repromptDialog();
        return Dialog.EndOfTurn;
      case 'back':
      case undefined:
        return super.onContinueDialog(inner);
    }
  }
}
