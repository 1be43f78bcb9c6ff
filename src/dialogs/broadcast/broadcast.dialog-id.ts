/** The channel-post dialog's id: known without loading the dialog (or botbuilder-dialogs). */
export const BROADCAST_DIALOG = 'broadcast';
