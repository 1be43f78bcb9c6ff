import type { DigestAction } from '../../cards/digest/digest.actions';
import type { FeatureRoutes } from '../routes';
import type { DigestPreferences } from './digest.service';

export type DigestCommand = 'digest-stop' | 'digest-start';

/** The weekly digest's switch: anyone may ask; the service says if it is not for them. */
export function digestRoutes(
  preferences: DigestPreferences,
): FeatureRoutes<DigestAction, DigestCommand> {
  const anyone = { role: 'referrer' as const, privateReply: true as const };
  return {
    verbs: {
      'digest.stop': { ...anyone, handle: (turn) => preferences.stop(turn) },
      'digest.start': { ...anyone, handle: (turn) => preferences.start(turn) },
    },
    commands: {
      'digest-stop': { ...anyone, handle: (turn) => preferences.stop(turn) },
      'digest-start': { ...anyone, handle: (turn) => preferences.start(turn) },
    },
  };
}
