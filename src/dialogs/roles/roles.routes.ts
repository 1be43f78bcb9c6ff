import type { RoleAction } from '../../cards/roles/roles.actions';
import type { RoleCardKey } from '../../cards/roles/role-content';
import type { CommandRoute, FeatureRoutes } from '../routes';
import type { RolesService } from './roles.service';

export type RolesCommand =
  'role' | 'role-menu' | 'role-who' | 'role-compare' | 'role-how' | 'role-coaches' | 'role-patient';

/** Anyone may see any role card, in any conversation. */
export function rolesRoutes(roles: RolesService): FeatureRoutes<RoleAction, RolesCommand> {
  const card = (key: RoleCardKey | undefined, afterExpiry = false): CommandRoute => ({
    role: 'referrer',
    afterExpiry,
    handle: (turn) => roles.show(turn, key),
  });
  return {
    verbs: {
      'role.show': { role: 'referrer', handle: (turn, a) => roles.show(turn, a.card, a.audience) },
    },
    commands: {
      role: card('what', true),
      'role-menu': card(undefined),
      'role-who': card('who'),
      'role-compare': card('compare'),
      'role-how': card('how'),
      'role-coaches': card('coaches'),
      'role-patient': card('patient'),
    },
  };
}
