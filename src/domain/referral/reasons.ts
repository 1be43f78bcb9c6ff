/** Stable codes for why the rules chose a route. Stored in anonymous outcome records; shown as text. */
export const REASON_CODES = [
  'red-flag',
  'under-minimum-age',
  'not-registered',
  'ltc-present',
  'ltc-at-risk',
  'no-ltc',
  'need-behaviour-change',
  'need-social',
  'need-coordination',
  'need-carer',
  'need-none',
  'need-unsure',
  'need-unsure-coaching',
  'pam-used-over-confidence',
  'contact-declined',
  'low-activation',
  'some-confidence',
  'high-activation',
  'consent-given',
  'consent-not-asked',
  'coaching-declined',
] as const;

export type ReasonCode = (typeof REASON_CODES)[number];

/** Plain-English explanations, with {minimumAge} filled in from configuration. */
export interface ReasonContext {
  minimumAge: number;
  /** How the referrer described the person's confidence, e.g. "fairly confident". */
  confidence?: string;
  pamLevel?: number;
}

export function reasonText(code: ReasonCode, context: ReasonContext): string {
  switch (code) {
    case 'red-flag':
      return 'You said at least one urgent concern applies. That needs clinical or safeguarding action now, before any coaching.';
    case 'under-minimum-age':
      return `This PCN's coaching and personalised care roles take referrals for people aged ${context.minimumAge} or over.`;
    case 'not-registered':
      return "The person isn't registered with one of our practices, so their own practice should refer them.";
    case 'ltc-present':
      return 'They live with a long-term condition, which is who health coaching is for.';
    case 'ltc-at-risk':
      return 'They are at risk of developing a long-term condition, and coaching can help prevent it.';
    case 'no-ltc':
      return 'Coaching here is for people with, or at risk of, a long-term condition, and you said neither applies.';
    case 'need-behaviour-change':
      return 'What matters most is changing health behaviours or building confidence to self-manage: the core of the coach role.';
    case 'need-social':
      return 'They have social, practical or financial needs, or are lonely: the link worker connects people to community support for these.';
    case 'need-coordination':
      return 'They need several services coordinated, a care and support plan, or support with frailty: the care coordinator does this.';
    case 'need-carer':
      return 'They are caring for someone and feeling the strain: the link worker connects carers with support, breaks and local carers’ services.';
    case 'need-none':
      return 'You said nothing in particular is needed now: they are managing well. Self-management resources may be all they need; think again if things change.';
    case 'need-unsure':
      return "You weren't sure which role fits, so this goes to the PCN's single point of access, who triage with the other roles.";
    case 'need-unsure-coaching':
      return "You weren't sure what matters most to them; with a long-term condition, or the risk of one, and the confidence they have, coaching may fit. Talk it through with them.";
    case 'pam-used-over-confidence':
      return `You said they feel ${context.confidence ?? 'a certain way about managing their health'}, but their measured PAM level is ${context.pamLevel ?? ''}: the measured level is what is used here.`;
    case 'contact-declined':
      return "They don't want to be contacted about this now, so no referral is suggested. Record that they declined; they can ask again later.";
    case 'low-activation':
      return 'They have low confidence managing their health day to day: the people coaching helps most.';
    case 'some-confidence':
      return 'They have some confidence managing their health; coaching can build on it.';
    case 'high-activation':
      return 'They already feel confident managing their health, so coaching may add little now. Self-management resources may be enough; think again if their confidence drops.';
    case 'consent-given':
      return 'They agree to be contacted by a coach.';
    case 'consent-not-asked':
      return 'You have not yet asked whether they agree to be contacted. Ask them before you refer.';
    case 'coaching-declined':
      return "They don't want to be contacted by a coach, so coaching is not suggested. Record that they declined.";
  }
}
