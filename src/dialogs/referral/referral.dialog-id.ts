/** The referral questions' dialog id: known without loading the dialog (or botbuilder-dialogs). */
export const REFERRAL_DIALOG = 'referral';
