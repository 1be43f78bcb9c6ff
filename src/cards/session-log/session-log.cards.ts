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
  caseloadRef: z.string(),
});
export type SessionLogCardData = z.infer<typeof sessionLogCardSchema>;

export const renderSessionLogCard = renderWith(sessionLogTemplate, sessionLogCardSchema);

export const caseloadCardSchema = z.object({
  title: z.string(),
  subtitle: z.string(),
  facts: z.array(z.object({ title: z.string(), value: z.string() })),
  logs: z.array(z.object({ logId: z.string(), summary: z.string() })),
  editDays: z.string(),
  csvUrl: z.string(),
});

export const renderCaseloadCard = renderWith(caseloadTemplate, caseloadCardSchema);
