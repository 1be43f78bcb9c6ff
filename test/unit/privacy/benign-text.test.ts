import { findIdentifier, type FieldPolicy } from '../../../src/domain/privacy/identifier-guard';
import { GUARD_NOW } from '../../helpers/guard-today';

const now = GUARD_NOW;

/**
 * What GPs, nurses, care navigators and coaches write to the bot that holds no patient
 * identifier. Every one must pass, or the guard gets in the way of ordinary work.
 */
const BENIGN: readonly string[] = [
  // clinical shorthand
  '54F HTN wants to lose weight',
  '71yo T2DM BMI 34',
  '71 year old man, lives alone',
  'aged 63, pre-diabetes, HbA1c 46',
  'Type 2 Diabetes',
  'COPD',
  'CKD stage 3, BP 140/90',
  'PHQ9 12 GAD7 10',
  'PAM level 2',
  'ONS4 scores 7 8 6 5',
  'B12 injection due',
  'B12 3rd dose',
  'COVID19 booster',
  'Vitamin D Deficiency',
  'Hepatitis B Vaccine',
  'X-ray booked',
  'DNA x2, needs a call back',
  'low mood since Christmas',
  'Patient Activation Measure',
  'Patient Participation Group',
  'Patient A',
  'referred by GP for weight management',
  'social prescribing link worker',
  'discussed at MDT',
  'diagnosed 20 years ago',
  'diagnosed March 2010',
  'review in 2/52',
  '6/12 review',
  // places, roles and services
  'Riverside Surgery',
  'Riverside Surgery room 3',
  'Oakwood Lane Surgery',
  'Kirkstall Health Centre',
  'Leeds General Infirmary',
  'St James Hospital',
  'Health Coach',
  'Health and Wellbeing Coach',
  'Care Coordinator',
  "Dr's room",
  'Room 2',
  'NHS 111',
  'NHS 111 option 2',
  'A&E',
  'Q&A Session',
  'Living Well programme',
  'Couch to 5K',
  'ODS code B82005',
  'Agenda for Change Band 5',
  'Additional Roles Reimbursement Scheme',
  'Personal Chat',
  // scheduling
  'Monday',
  'Group supervision',
  'Group Supervision Monday',
  'Teams',
  'Teams call',
  'MS Teams call',
  '1:1 with my line manager next Friday 9:30',
  'every 4 weeks on Thursday 2pm starting 2026-12-10',
  'every 4 weeks from 2026-12-10 at 2pm',
  'monthly, first Tuesday 10:00',
  'next Friday',
  '2026-11-30',
  '30/11/2026',
  '10 December 2026',
  '2026-12-10 14:00',
  '12.03.2026 14.00',
  '09.30 10.30 11.30',
  'review 12/03/2019',
  '1:1 with JS 10/12/2026',
  'MDT 12/11/2026',
  '14:00',
  '90 minutes',
  '45 mins',
  'Plan B Monday',
  'Visited Oakwood Surgery',
  'Called Riverside',
  'Thanks Sarah',
  'RIV-0042',
  'metformin MR 500mg',
];

describe('benign text is not refused', () => {
  it('holds at least forty realistic examples', () => {
    expect(BENIGN.length).toBeGreaterThanOrEqual(40);
  });

  it.each(BENIGN.map((text) => [text]))('%s', (text) => {
    expect(findIdentifier(text, 'free-text', now)).toBeUndefined();
  });

  it.each<[string, FieldPolicy]>([
    ['Jo Coach', 'person-name'],
    ['Dr Jo Coach', 'person-name'],
    ['Mx Sam Okoro', 'person-name'],
    ['one-to-one', 'choice'],
    ['face-to-face', 'choice'],
    ['19:4f2a9c8d1e@thread.tacv2', 'choice'],
    ['aaaaaaaa-0000-0000-0000-000000000001', 'choice'],
    ['{"kind":"monthly","nth":1,"weekday":2,"startTime":"10:00"}', 'choice'],
    ['   ', 'free-text'],
  ])('%s in a %s field', (text, policy) => {
    expect(findIdentifier(text, policy, now)).toBeUndefined();
  });
});

/**
 * Decided, and tested so the decision stays visible: these are refused although they may be
 * harmless, because the guard cannot tell them from a patient's details.
 */
describe('refused on purpose (the guard errs towards refusing)', () => {
  it.each([
    ['a clinician after a title', 'discussed with Dr Patel', 'patient-name'],
    ['a staff name in free text', 'Thanks Sarah Jones', 'patient-name'],
    ['a staff name with a known forename', 'Jo Coach', 'patient-name'],
    ['a two-word place not in the lists', 'Kirkstall Abbey', 'patient-name'],
    ["the practice's own phone number", 'call 0113 496 0000', 'phone'],
    ["the practice's postcode", 'Riverside Surgery LS1 4AP', 'postcode'],
    ['a diagnosis date long ago', 'diagnosed 3 May 2012', 'date-of-birth'],
    ['initials and a past session date', 'seen JS 12/03/2026', 'patient-name'],
    ['a list of numbers that passes the check', 'weights 98 97 96 95 94', 'nhs-number'],
  ])('%s: %s', (_why, text, kind) => {
    expect(findIdentifier(text, 'free-text', now)?.kind).toBe(kind);
  });
});
