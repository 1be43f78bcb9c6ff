import { recogniseCommand } from '../../../src/domain/commands';

describe('recognising what a message asks for', () => {
  it.each([
    ['refer', 'referral'],
    ['worth referring?', 'referral'],
    ['is this one for the health coach?', 'referral'],
    ['help me decide who to refer to', 'referral'],
    ['54F HTN, wants to lose weight, worth a health coach?', 'referral'],
    ['quick check', 'referral-quick'],
    ['Referral', 'referral'],
    ['Should I refer this patient?', 'referral'],
    ['is this patient suitable for a health coach?', 'referral'],
    ['can I refer a man with diabetes', 'referral'],
    ['what does a health coach do?', 'role'],
    ['What does a health and wellbeing coach do', 'role'],
    ['help', 'help'],
    ['HELP!', 'help'],
    ['cancel', 'cancel'],
    ['start over', 'restart'],
    ['back', 'back'],
    ['post role cards', 'broadcast'],
    ['post the role card here', 'broadcast-here'],
    ['my posts', 'broadcast-list'],
    ['coaching supervision monthly, first Tuesday, 10:00', 'supervision-setup'],
    ['my supervision', 'supervision-mine'],
    ['team supervision status', 'supervision-team'],
    ['log a session', 'session-log'],
    ['set up supervision', 'supervision-new'],
    ['my caseload this month', 'caseload'],
    ['activity report', 'activity-report'],
    ['stop weekly digest', 'digest-stop'],
    ['Please turn off my weekly digest', 'digest-stop'],
    ['stop the digest', 'digest-stop'],
    ['start weekly digest', 'digest-start'],
    ['turn my weekly digest on again', 'unknown'],
    ['switch on the weekly digest again', 'digest-start'],
    ['stop', 'cancel'],
    ['hello there', 'unknown'],
    ['preferences', 'unknown'],
  ])('"%s" -> %s', (text, expected) => {
    expect(recogniseCommand(text)).toBe(expected);
  });
});
