import type { SupervisionAction } from '../../cards/supervision/supervision.actions';
import type { FeatureRoutes } from '../routes';
import type { PastSessionReplies } from './past-session.reply';
import type { SupervisionCommands } from './supervision.service';

const COACHES_ONLY =
  'Supervision schedules are for the PCN’s Health and Wellbeing Coaches. If you are one, ask your PCN lead to add you to the team.';
const LEADS_ONLY = 'Team supervision status is for PCN leads. Coaches can type "my supervision".';

export type SupervisionCommand =
  | 'supervision-setup'
  | 'supervision-new'
  | 'supervision-mine'
  | 'supervision-team'
  | 'supervision-record-past'
  | 'supervision-pause';

/** Coaches' supervision schedules, reminders and records; the leads' team view. */
export function supervisionRoutes(
  supervision: SupervisionCommands,
  pastSessions: PastSessionReplies,
): FeatureRoutes<SupervisionAction, SupervisionCommand> {
  const coach = { role: 'coach' as const, refusal: COACHES_ONLY };
  const lead = { role: 'lead' as const, refusal: LEADS_ONLY };
  return {
    verbs: {
      'supervision.save': { ...coach, handle: (turn, a) => supervision.save(turn, a) },
      'supervision.discard': { role: 'referrer', handle: (turn) => turn.send('OK, not saved.') },
      'supervision.record': { ...coach, handle: (turn, a) => supervision.record(turn, a) },
      'supervision.snooze': {
        ...coach,
        handle: (turn, a) => supervision.snooze(turn, a.scheduleId),
      },
      'supervision.pause': {
        ...coach,
        handle: (turn, a) => supervision.pause(turn, a.scheduleId, a.paused === 'true'),
      },
      'supervision.delete': {
        ...coach,
        handle: (turn, a) => supervision.remove(turn, a.scheduleId),
      },
      'supervision.move': {
        ...coach,
        handle: (turn, a) => supervision.moveNext(turn, a.scheduleId),
      },
      'supervision.team': { ...lead, privateReply: true, handle: (turn) => supervision.team(turn) },
      'supervision.new': { ...coach, handle: (turn) => supervision.form(turn) },
      'supervision.mine': {
        ...coach,
        privateReply: true,
        handle: (turn) => supervision.mine(turn),
      },
      'supervision.change': { ...coach, handle: (turn, a) => supervision.form(turn, a.scheduleId) },
      'supervision.form': { ...coach, handle: (turn, a) => supervision.saveForm(turn, a) },
      'supervision.deleteConfirmed': {
        ...coach,
        handle: (turn, a) => supervision.removeConfirmed(turn, a.scheduleId),
      },
      'supervision.keep': { ...coach, handle: (turn) => turn.send('OK, kept.') },
      'supervision.past': { ...coach, handle: (turn) => supervision.unscheduled.form(turn) },
      'supervision.recordPast': {
        ...coach,
        handle: (turn, a) => supervision.unscheduled.fromForm(turn, a),
      },
      'supervision.pauseUntil': {
        ...coach,
        handle: (turn, a) => supervision.pauses.pauseUntil(turn, a.until),
      },
      'supervision.nudge': {
        ...lead,
        privateReply: true,
        handle: (turn, a) => supervision.nudges.nudge(turn, a.coachId),
      },
    },
    commands: {
      'supervision-setup': {
        ...coach,
        handle: (turn, text) => supervision.setUpFromText(turn, text),
      },
      'supervision-new': { ...coach, handle: (turn) => supervision.form(turn) },
      'supervision-mine': {
        ...coach,
        privateReply: true,
        handle: (turn) => supervision.mine(turn),
      },
      'supervision-team': { ...lead, privateReply: true, handle: (turn) => supervision.team(turn) },
      'supervision-pause': {
        ...coach,
        privateReply: true,
        handle: (turn, text) => supervision.pauses.pauseUntilText(turn, text),
      },
      'supervision-record-past': {
        ...coach,
        privateReply: true,
        handle: (turn, text) =>
          pastSessions.read(turn, text, (t, session) =>
            supervision.unscheduled.confirm(t, session),
          ),
      },
    },
    events: {
      uninstalled: async (turn) => {
        if (turn.caller.conversationKind === 'personal' && turn.caller.userId) {
          await supervision.pauseAllFor(turn.caller.userId);
        }
      },
    },
  };
}
