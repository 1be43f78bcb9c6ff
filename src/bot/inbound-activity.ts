import { z } from 'zod';

/**
 * The least an activity must carry before the bot will look at it. botbuilder answers a
 * malformed activity with 500; we answer 400 and say what is missing.
 */
const inboundActivitySchema = z.object({
  type: z.string().min(1),
  channelId: z.string().min(1),
  serviceUrl: z.string().min(1),
  conversation: z.object({ id: z.string().min(1) }).loose(),
  from: z.object({ id: z.string().min(1) }).loose(),
  recipient: z.object({ id: z.string().min(1) }).loose(),
});

export type InboundCheck =
  { ok: true; tenantId: string | undefined } | { ok: false; problems: string[] };

export function checkInboundActivity(body: unknown): InboundCheck {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { ok: false, problems: ['the body must be a JSON object (an activity)'] };
  }
  const parsed = inboundActivitySchema.safeParse(body);
  if (!parsed.success) {
    return {
      ok: false,
      // Our own words: a library's message has no place in an HTTP body.
      problems: parsed.error.issues.map(
        (issue) =>
          `${issue.path.join('.') || '(activity)'}: missing or not the right kind of value`,
      ),
    };
  }
  const activity = body as {
    conversation?: { tenantId?: unknown };
    channelData?: { tenant?: { id?: unknown } };
  };
  const tenant = activity.conversation?.tenantId ?? activity.channelData?.tenant?.id;
  return { ok: true, tenantId: typeof tenant === 'string' ? tenant.toLowerCase() : undefined };
}
