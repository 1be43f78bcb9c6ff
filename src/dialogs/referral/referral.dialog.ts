import { InterruptibleDialog, type InterruptionMessages } from '../interruptible.dialog';
import type { ReferralDependencies } from './referral-context';
import { ReferralQuestionsDialog } from './referral-questions.dialog';

import { REFERRAL_DIALOG } from './referral.dialog-id';

export { REFERRAL_DIALOG };

const MESSAGES: InterruptionMessages = {
  cancelled:
    "Cancelled. I didn't keep any of your answers. Type 'refer' whenever you want to start again.",
  help: "Answer with a button, or type the option's number or words. Type 'back' to change your last answer, 'start over' to begin again, or 'cancel' to stop.",
};

/** "Should I refer this patient?": the questions, with cancel, start over and help at any step. */
export class ReferralDialog extends InterruptibleDialog {
  constructor(deps: ReferralDependencies) {
    super(REFERRAL_DIALOG, new ReferralQuestionsDialog(deps), MESSAGES);
  }
}
