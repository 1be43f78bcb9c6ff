import { z } from 'zod';
import { audienceSchema, roleCardKeySchema } from './role-content';

/** What the roles cards' buttons send back, keyed on `verb`. */
export const roleActionSchemas = [
  z.object({
    verb: z.literal('role.show'),
    /** Which card; without one, the menu of role cards. */
    card: roleCardKeySchema.optional(),
    audience: audienceSchema.optional(),
  }),
] as const;

export type RoleAction = z.infer<(typeof roleActionSchemas)[number]>;
