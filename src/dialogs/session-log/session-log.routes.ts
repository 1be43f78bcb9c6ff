import type { SessionLogAction } from '../../cards/session-log/session-log.actions';
import type { FeatureRoutes } from '../routes';
import type { SessionLogCommands } from './session-log.service';

const COACHES_ONLY =
  'Session logs are for the PCN’s Health and Wellbeing Coaches. If you are one, ask your PCN lead to add you to the team.';
const LEADS_ONLY = 'The activity report is for PCN leads. Coaches can type "my caseload".';

export type SessionLogCommand = 'session-log' | 'caseload' | 'activity-report';

/** Coaches log sessions and see their caseload; leads see the PCN's activity report. */
export function sessionLogRoutes(
  sessions: SessionLogCommands,
): FeatureRoutes<SessionLogAction, SessionLogCommand> {
  const coach = { role: 'coach' as const, refusal: COACHES_ONLY };
  return {
    verbs: {
      'session.start': { ...coach, privateReply: true, handle: (turn) => sessions.start(turn) },
      'session.save': { ...coach, handle: (turn, a) => sessions.save(turn, a) },
      'session.delete': { ...coach, handle: (turn, a) => sessions.remove(turn, a.logId) },
      'session.edit': { ...coach, handle: (turn, a) => sessions.edit(turn, a.logId) },
      'session.caseload': {
        ...coach,
        privateReply: true,
        handle: (turn, a) => sessions.caseload(turn, '', a.period ?? ''),
      },
      'session.report': {
        role: 'lead',
        refusal: LEADS_ONLY,
        privateReply: true,
        handle: (turn, a) => sessions.report(turn, '', a.period ?? ''),
      },
    },
    commands: {
      'session-log': { ...coach, privateReply: true, handle: (turn) => sessions.start(turn) },
      caseload: {
        ...coach,
        privateReply: true,
        handle: (turn, text) => sessions.caseload(turn, text),
      },
      'activity-report': {
        role: 'lead',
        refusal: LEADS_ONLY,
        privateReply: true,
        handle: (turn, text) => sessions.report(turn, text),
      },
    },
  };
}
