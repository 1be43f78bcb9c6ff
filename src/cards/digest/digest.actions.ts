import { z } from 'zod';
import type { FieldRules } from '../card-fields';

/** What the weekly digest's buttons send back, keyed on `verb`. */
export const digestActionSchemas = [
  z.object({ verb: z.literal('digest.stop') }),
  z.object({ verb: z.literal('digest.start') }),
] as const;

export type DigestAction = z.infer<(typeof digestActionSchemas)[number]>;

/** The digest's buttons carry no fields of their own. */
export const digestFieldRules: FieldRules = {};
