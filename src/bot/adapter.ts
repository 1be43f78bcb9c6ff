import { CloudAdapter, ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import type { BotAuthSettings } from '../config';
import type { Logger } from '../logger';
import { ReplyBuffer } from './reply-buffer';
import { createTurnErrorHandler } from './turn-error';

/**
 * The Bot Framework adapter. With an app id every request must carry a valid Bot Framework
 * token (CloudAdapter answers 401 otherwise); without one it accepts anything, which is why the
 * server then listens on loopback only.
 */
export function createAdapter(auth: BotAuthSettings, logger: Logger): CloudAdapter {
  const settings =
    auth.kind === 'anonymous'
      ? {}
      : {
          MicrosoftAppId: auth.appId,
          MicrosoftAppType: auth.appType,
          ...(auth.password ? { MicrosoftAppPassword: auth.password } : {}),
          ...(auth.tenantId ? { MicrosoftAppTenantId: auth.tenantId } : {}),
        };
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication(settings));
  adapter.use(new ReplyBuffer());
  adapter.onTurnError = createTurnErrorHandler(logger.child('turn'));
  return adapter;
}
