import { z } from 'zod';

/** What the help cards' buttons send back, keyed on `verb`. */
export const helpActionSchemas = [z.object({ verb: z.literal('help.show') })] as const;

export type HelpAction = z.infer<(typeof helpActionSchemas)[number]>;
