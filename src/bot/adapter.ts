import {
  CallerIdConstants,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type Activity,
  type ActivityTimestamps,
  type InvokeResponse,
  type TurnContext,
} from 'botbuilder';
import {
  AuthenticationConstants,
  ClaimsIdentity,
  type AuthenticateRequestResult,
} from 'botframework-connector';
import type { BotAuthSettings } from '../config';
import type { Logger } from '../logger';
import type { TurnIdentity } from './auth/request-authenticator';
import { ReplyBuffer } from './reply-buffer';
import { createTurnErrorHandler } from './turn-error';

/** Claim values are strings to botbuilder; numbers (exp, nbf) are kept as their text. */
function toClaims(payload: Readonly<Record<string, unknown>>): ClaimsIdentity['claims'] {
  return Object.entries(payload).map(([type, value]) => ({
    type,
    value: typeof value === 'string' ? value : JSON.stringify(value),
  }));
}

/** As botbuilder does with a request body: ISO timestamps become Dates, the text is kept. */
function withDates(activity: Activity): ActivityTimestamps {
  const fields = [
    ['timestamp', 'rawTimestamp'],
    ['localTimestamp', 'rawLocalTimestamp'],
    ['expiration', 'rawExpiration'],
  ] as const;
  const fixed: ActivityTimestamps = { ...activity };
  for (const [field, raw] of fields) {
    const value: unknown = activity[field];
    if (typeof value === 'string') {
      fixed[raw] = value;
      fixed[field] = new Date(value);
    }
  }
  return fixed;
}

/**
 * The Bot Framework adapter. Inbound requests are authenticated at the HTTP edge
 * (src/bot/auth), not by CloudAdapter.process: botbuilder's own check answers a forged token with
 * 500 and its error text, and fetches signing keys with no deadline, once per waiting request.
 * The edge hands over what it verified and this adapter runs the turn with botbuilder's own
 * connector factory, audience and user-token client, as CloudAdapter.process would.
 */
export class HwbcAdapter extends CloudAdapter {
  /** Runs one turn for an activity whose request the edge has already authenticated. */
  async runTurn(
    identity: TurnIdentity,
    activity: Activity,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<InvokeResponse | undefined> {
    return this.processActivity(
      await this.requestResult(identity, activity),
      withDates(activity),
      logic,
    );
  }

  private async requestResult(
    identity: TurnIdentity,
    activity: Activity,
  ): Promise<AuthenticateRequestResult> {
    if (identity.kind === 'anonymous') {
      // Authentication is off (no app id): botbuilder makes its anonymous identity, offline.
      return this.botFrameworkAuthentication.authenticateRequest(activity, '');
    }
    // The public Azure cloud's values, as botbuilder uses for a channel request (the bot is
    // configured for no other cloud).
    const claimsIdentity = new ClaimsIdentity(toClaims(identity.claims), true);
    return {
      audience: AuthenticationConstants.ToChannelFromBotOAuthScope,
      callerId: CallerIdConstants.PublicAzureChannel,
      claimsIdentity,
      connectorFactory: this.botFrameworkAuthentication.createConnectorFactory(claimsIdentity),
    };
  }
}

/** botbuilder's outbound identity (tokens for calls to Teams) from the bot's settings. */
export function createBotFrameworkAuthentication(
  auth: BotAuthSettings,
): ConfigurationBotFrameworkAuthentication {
  const settings =
    auth.kind === 'anonymous'
      ? {}
      : {
          MicrosoftAppId: auth.appId,
          MicrosoftAppType: auth.appType,
          ...(auth.password ? { MicrosoftAppPassword: auth.password } : {}),
          ...(auth.tenantId ? { MicrosoftAppTenantId: auth.tenantId } : {}),
        };
  return new ConfigurationBotFrameworkAuthentication(settings);
}

/**
 * With an app id only verified requests reach a turn; without one (local use) the server listens
 * on loopback only.
 */
export function createAdapter(auth: BotAuthSettings, logger: Logger): HwbcAdapter {
  const adapter = new HwbcAdapter(createBotFrameworkAuthentication(auth));
  adapter.use(new ReplyBuffer());
  adapter.onTurnError = createTurnErrorHandler(logger.child('turn'));
  return adapter;
}
