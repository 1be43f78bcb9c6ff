import type { Activity, Middleware, ResourceResponse, TurnContext } from 'botbuilder';

const IMMEDIATE = Symbol('hwbc.sendImmediately');

/**
 * Send one reply now, past the buffer, and get its real id back (to update the message later).
 * Use it only once the turn's durable work is written, e.g. after a job is stored.
 */
export async function sendImmediately(
  context: TurnContext,
  activity: Partial<Activity>,
): Promise<ResourceResponse | undefined> {
  // A symbol-keyed flag survives the copies TurnContext makes, and is never serialised.
  return context.sendActivity(Object.assign({ ...activity }, { [IMMEDIATE]: true }));
}

function isImmediate(activity: Partial<Activity>): boolean {
  return (activity as Record<symbol, unknown>)[IMMEDIATE] === true;
}

/**
 * Holds the bot's replies until the turn, including saving state, has succeeded. If anything
 * fails (storage down, say) the held replies are dropped, so the user never sees a next question
 * whose answer was not saved: the turn-error handler tells them instead, and their conversation
 * stays where it was.
 */
export class ReplyBuffer implements Middleware {
  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    const held: Partial<Activity>[] = [];
    let holding = true;
    context.onSendActivities(async (_context, activities, send) => {
      if (!holding || activities.every(isImmediate)) {
        return send();
      }
      held.push(...activities);
      return activities.map(() => ({ id: '' }));
    });
    try {
      await next();
    } finally {
      holding = false;
    }
    if (held.length > 0) {
      await context.sendActivities(held);
    }
  }
}
