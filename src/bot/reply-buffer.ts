import type { Activity, Middleware, TurnContext } from 'botbuilder';

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
      if (!holding) {
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
