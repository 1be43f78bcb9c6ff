import type { PersonalChat } from '../../src/dialogs/personal-chat';

export interface PrivateMessage {
  tenantId: string;
  aadObjectId: string;
  messages: ReadonlyArray<Record<string, unknown>>;
}

/**
 * People's 1:1 chats, for tests on the in-memory bot: keeps what was sent to whom. As Teams
 * does, it refuses (throws) for someone who does not have the app, named in `withoutApp`.
 */
export class RecordingPersonalChat implements PersonalChat {
  readonly sent: PrivateMessage[] = [];
  readonly withoutApp = new Set<string>();

  send(
    tenantId: string,
    aadObjectId: string,
    messages: ReadonlyArray<Record<string, unknown>>,
  ): Promise<'sent' | 'unreachable'> {
    if (this.withoutApp.has(aadObjectId.toLowerCase())) {
      return Promise.reject(Object.assign(new Error('Forbidden'), { statusCode: 403 }));
    }
    this.sent.push({ tenantId, aadObjectId, messages });
    return Promise.resolve('sent');
  }
}
