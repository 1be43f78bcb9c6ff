import { z } from 'zod';
import caseloadTemplate from './caseload.card.json';
import sessionLogTemplate from './session-log.card.json';
import { renderWith } from '../render';

export const sessionLogCardSchema = z.object({
  title: z.string(),
  problem: z.string(),
  logId: z.string(),
  date: z.string(),
  durationMinutes: z.number(),
  mode: z.string(),
  format: z.string(),
  groupSize: z.string(),
  sessionType: z.string(),
  sessionNumber: z.string(),
  attended: z.string(),
  referralSource: z.string(),
  pamLevel: z.string(),
  onsSatisfaction: z.string(),
  onsWorthwhile: z.string(),
  onsHappiness: z.string(),
  onsAnxiety: z.string(),
  caseloadRef: z.string(),
  referralRef: z.string(),
  /** The PCN's practices to choose from, "Not given" first; empty hides the choice. */
  practice: z.string(),
  practices: z.array(z.object({ title: z.string(), value: z.string() })),
});
export type SessionLogCardData = z.infer<typeof sessionLogCardSchema>;

export const renderSessionLogCard = renderWith(sessionLogTemplate, sessionLogCardSchema);

const facts = z.array(z.object({ title: z.string(), value: z.string() }));

export const caseloadCardSchema = z.object({
  title: z.string(),
  subtitle: z.string(),
  /** Why the period asked for was not the one shown, or ''. */
  problem: z.string(),
  facts,
  /** Breakdowns under their own headings: per coach, per practice. */
  sections: z.array(z.object({ heading: z.string(), facts })),
  logs: z.array(z.object({ logId: z.string(), reference: z.string(), summary: z.string() })),
  editDays: z.string(),
  csvUrl: z.string(),
  /** The period shown (its key), the others to choose from, and the verb that shows one. */
  period: z.string(),
  periodChoices: z.array(z.object({ title: z.string(), value: z.string() })),
  periodVerb: z.enum(['session.caseload', 'session.report']),
});
export type CaseloadCardData = z.infer<typeof caseloadCardSchema>;

export const renderCaseloadCard = renderWith(caseloadTemplate, caseloadCardSchema);
