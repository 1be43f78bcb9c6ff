import type { SessionLogAction } from '../../cards/session-log/session-log.actions';
import { sessionLogInputSchema, type SessionLogInput } from '../../domain/sessions/session-log';

export type SaveAction = Extract<SessionLogAction, { verb: 'session.save' }>;

function numberOrNull(value: string | number | undefined): number | null {
  if (value === undefined || value === '' || value === 'none') {
    return null;
  }
  const n = Number(value);
  return Number.isFinite(n) ? n : Number.NaN;
}

const textOrNull = (value: string | undefined): string | null =>
  value?.trim() ? value.trim() : null;

const LABELS: Record<string, string> = {
  ons4: 'ONS4 scores (give all four, 0 to 10)',
  caseloadRef: 'Caseload reference',
  referralRef: 'Referral reference',
  durationMinutes: 'Minutes',
  groupSize: 'Group size',
  sessionType: 'Session',
  practice: 'Practice',
  date: 'Date',
};

/**
 * Card inputs (all strings) into the typed entry, or the problems to show. A session they did
 * not attend keeps no minutes and no outcome scores, whatever the form still held.
 * `practices` are the ODS codes the card offered.
 */
export function readSessionInput(
  action: SaveAction,
  practices: readonly string[] = [],
): { ok: true; input: SessionLogInput } | { ok: false; problem: string } {
  const attended = action.attended !== 'no';
  const ons = [
    action.onsSatisfaction,
    action.onsWorthwhile,
    action.onsHappiness,
    action.onsAnxiety,
  ].map(numberOrNull);
  const anyOns = attended && ons.some((v) => v !== null);
  const practice = action.practice && action.practice !== 'none' ? action.practice : null;
  const candidate = {
    date: action.date ?? '',
    durationMinutes: attended ? numberOrNull(action.durationMinutes) : null,
    mode: action.mode,
    format: action.format,
    groupSize: action.format === 'group' ? numberOrNull(action.groupSize) : null,
    sessionType: action.sessionType && action.sessionType !== 'none' ? action.sessionType : null,
    // Teams shows an empty number box as 0: 0 means "not given".
    sessionNumber: numberOrNull(action.sessionNumber) || null,
    attended,
    referralSource: action.referralSource,
    pamLevel: attended ? numberOrNull(action.pamLevel) : null,
    ons4: anyOns
      ? { satisfaction: ons[0], worthwhile: ons[1], happiness: ons[2], anxiety: ons[3] }
      : null,
    caseloadRef: textOrNull(action.caseloadRef),
    referralRef: textOrNull(action.referralRef),
    practice,
  };
  const parsed = sessionLogInputSchema.safeParse(candidate);
  const problems = parsed.success
    ? []
    : parsed.error.issues.map(
        (i) => `${LABELS[String(i.path[0])] ?? String(i.path[0])}: ${i.message}`,
      );
  if (practice !== null && !practices.includes(practice)) {
    problems.push('Practice: choose one of the PCN’s practices.');
  }
  if (parsed.success && problems.length === 0) {
    return { ok: true, input: parsed.data };
  }
  return { ok: false, problem: problems.join(' ') };
}
