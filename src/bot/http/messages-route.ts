import type { ActivityHandler, Activity } from 'botbuilder';
import type restify from 'restify';
import type { Logger } from '../../logger';
import type { HwbcAdapter } from '../adapter';
import type { RequestAuthenticator } from '../auth/request-authenticator';
import { checkInboundActivity } from '../inbound-activity';

export interface MessagesRouteDependencies {
  adapter: HwbcAdapter;
  authenticator: RequestAuthenticator;
  bot: ActivityHandler;
  logger: Logger;
  /** Lower-case tenant ids allowed to use the bot; empty allows any (local use only). */
  allowedTenantIds: readonly string[];
}

/** Fixed bodies: what was wrong goes to our log, never to the caller. */
const UNAUTHORIZED_BODY = { error: 'Unauthorized' } as const;
const UNAVAILABLE_BODY = { error: 'ServiceUnavailable' } as const;
const FORBIDDEN_BODY = {
  error: 'Forbidden',
  message: 'This tenant is not allowed to use this bot.',
} as const;
const FAILED_BODY = { error: 'InternalServerError' } as const;

/**
 * POST /api/messages, in this order: a well-formed activity (400), an authenticated sender
 * (401, or 503 while the signing keys cannot be fetched), an allowed tenant (403), then the turn.
 * The tenant is checked only once the token is valid, so an unauthenticated caller learns
 * nothing about which tenants are allowed.
 */
export function messagesRoute(
  deps: MessagesRouteDependencies,
): (req: restify.Request, res: restify.Response) => Promise<void> {
  return async (req, res) => {
    const check = checkInboundActivity(req.body);
    if (!check.ok) {
      deps.logger.warn('activity_rejected', {
        reason: 'malformed',
        problems: check.problems.length,
      });
      res.json(400, {
        error: 'BadRequest',
        message: 'Not a valid activity',
        problems: check.problems,
      });
      return;
    }
    const activity = req.body as Activity;
    const outcome = await deps.authenticator.authenticate(req.headers.authorization, activity);
    if (outcome.kind === 'refused') {
      deps.logger.warn('auth_rejected', { reason: outcome.reason });
      res.header('www-authenticate', 'Bearer');
      res.json(401, UNAUTHORIZED_BODY);
      return;
    }
    if (outcome.kind === 'unavailable') {
      deps.logger.warn('auth_unavailable', {
        reason: 'metadata_unavailable',
        retryAfterSeconds: outcome.retryAfterSeconds,
      });
      res.header('retry-after', String(outcome.retryAfterSeconds));
      res.json(503, UNAVAILABLE_BODY);
      return;
    }
    if (
      deps.allowedTenantIds.length > 0 &&
      (!check.tenantId || !deps.allowedTenantIds.includes(check.tenantId))
    ) {
      deps.logger.warn('activity_rejected', { reason: 'tenant_not_allowed' });
      res.json(403, FORBIDDEN_BODY);
      return;
    }
    try {
      const invoke = await deps.adapter.runTurn(outcome, activity, (context) =>
        deps.bot.run(context),
      );
      if (invoke?.body === undefined) {
        res.send(invoke?.status ?? 200);
      } else {
        res.json(invoke.status, invoke.body);
      }
    } catch (error) {
      deps.logger.error('turn_not_run', { activityType: activity.type }, error);
      res.json(500, FAILED_BODY);
    }
  };
}
