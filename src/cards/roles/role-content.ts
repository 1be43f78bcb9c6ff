import { z } from 'zod';

/** The role-awareness cards, and the audiences they can be tailored to. */
export const ROLE_CARDS = ['what', 'who', 'compare', 'how', 'coaches', 'patient'] as const;
export type RoleCardKey = (typeof ROLE_CARDS)[number];
export const roleCardKeySchema = z.enum(ROLE_CARDS);

export const AUDIENCES = ['general', 'gp', 'nurse', 'pharmacist', 'reception'] as const;
export type Audience = (typeof AUDIENCES)[number];
export const audienceSchema = z.enum(AUDIENCES);

export const ROLE_CARD_TITLES: Record<RoleCardKey, string> = {
  what: 'What a Health and Wellbeing Coach does',
  who: 'Who to refer to a coach',
  compare: 'Coach, link worker or care coordinator?',
  how: 'How to refer to a coach here',
  coaches: 'Meet your coaches',
  patient: 'What to say to a patient about coaching',
};

export const AUDIENCE_LABELS: Record<Audience, string> = {
  general: 'Everyone',
  gp: 'GPs',
  nurse: 'Practice nurses',
  pharmacist: 'Pharmacists',
  reception: 'Reception and care navigators',
};

/** One tailored paragraph per card and audience; empty where the general text says it all. */
const FOR_AUDIENCE: Record<Audience, Partial<Record<RoleCardKey, string>>> = {
  general: {},
  gp: {
    what: 'For GPs: when you notice you are giving the same lifestyle advice again, or the person says they know what to do but cannot get going, a coach can take that on over several sessions.',
    who: 'For GPs: think of coaching after a new diagnosis of a long-term condition, or when a condition is drifting because of habits the person wants to change.',
    patient:
      'For GPs: a sentence in the consultation is enough. Record the referral with your practice template.',
  },
  nurse: {
    what: 'For practice nurses: at long-term condition reviews (diabetes, blood pressure, asthma, COPD), a coach can support the changes you agree, between your appointments.',
    who: 'For practice nurses: people whose review results keep slipping and who want help with activity, eating, weight, stress or taking medicines as planned.',
    patient:
      'For practice nurses: link coaching to the goals you have just talked about at the review.',
  },
  pharmacist: {
    what: 'For pharmacists: when a medication review shows that routines or lifestyle are the sticking point, a coach can help the person work out what would make change possible.',
    who: 'For pharmacists: people who want to get on top of their medicines or lifestyle but lack the confidence to do it alone.',
    patient:
      'For pharmacists: coaching is about the person’s own goals, so present it as support, not as a test of adherence.',
  },
  reception: {
    what: 'For reception and care navigators: coaches are part of the practice team. You can tell people the service exists and how to be referred here.',
    who: 'For reception and care navigators: if someone asks for help to get healthier, manage a condition or feel more in control, tell them about coaching and how to ask for it.',
    patient:
      'For reception and care navigators: you do not need to judge whether coaching fits; explain what it is and pass the request on as your practice does.',
  },
};

export function audienceNote(audience: Audience, card: RoleCardKey): string {
  return FOR_AUDIENCE[audience][card] ?? '';
}
