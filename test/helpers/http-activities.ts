import type { Activity } from 'botbuilder';

export const TEST_TENANT = 'aaaaaaaa-0000-0000-0000-000000000001';
let counter = 0;

/** A Teams personal-chat message asking for the replies in the HTTP response (deliveryMode expectReplies). */
export function personalMessage(
  input: { text?: string; value?: Record<string, unknown> },
  user = '29:gp-1',
  conversation = 'a:chat-1',
): Record<string, unknown> {
  counter += 1;
  return {
    type: 'message',
    id: `http-${Date.now()}-${counter}`,
    channelId: 'msteams',
    serviceUrl: 'https://smba.example.test/uk/',
    deliveryMode: 'expectReplies',
    recipient: { id: '28:bot', name: 'HWBC Assistant' },
    from: { id: user, name: 'Dr Test' },
    conversation: { id: conversation, conversationType: 'personal', tenantId: TEST_TENANT },
    channelData: { tenant: { id: TEST_TENANT } },
    ...input,
  };
}

export interface PostResult {
  status: number;
  body: string;
  replies: Partial<Activity>[];
}

export async function postActivity(
  baseUrl: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<PostResult> {
  const response = await fetch(`${baseUrl}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  let replies: Partial<Activity>[] = [];
  if (response.ok && text.length > 0) {
    const parsed = JSON.parse(text) as { activities?: Partial<Activity>[] };
    replies = parsed.activities ?? [];
  }
  return { status: response.status, body: text, replies };
}
