import type { TurnContext } from 'botbuilder';
import { ERROR_CATALOGUE, findAppError } from '../errors';
import type { Logger } from '../logger';

/**
 * The one place a failed turn ends up. It logs the error with the activity id (never the message
 * text) and sends the user a safe message with what to do next; never a stack trace.
 */
export function createTurnErrorHandler(
  logger: Logger,
): (context: TurnContext, error: Error) => Promise<void> {
  return async (context, error) => {
    const appError = findAppError(error);
    logger.error(
      'turn_failed',
      {
        code: appError?.code ?? 'UNEXPECTED',
        activityId: context.activity.id,
        activityType: context.activity.type,
        conversationType: context.activity.conversation?.conversationType,
      },
      error,
    );
    if (context.activity.type !== 'message' && context.activity.type !== 'invoke') {
      return;
    }
    try {
      await context.sendActivity(appError?.userMessage ?? ERROR_CATALOGUE.UNEXPECTED);
    } catch (sendError) {
      logger.error('turn_error_reply_failed', { activityId: context.activity.id }, sendError);
    }
  };
}
