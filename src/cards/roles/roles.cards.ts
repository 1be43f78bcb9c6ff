import { z } from 'zod';
import type { Coach, PcnConfig } from '../../domain/pcn-config';
import { expandCard, toAttachment, type CardAttachment } from '../render';
import {
  AUDIENCE_LABELS,
  AUDIENCES,
  audienceNote,
  ROLE_CARD_TITLES,
  ROLE_CARDS,
  type Audience,
  type RoleCardKey,
} from './role-content';
import compareTemplate from './role-compare.card.json';
import coachesTemplate from './role-coaches.card.json';
import howTemplate from './role-how.card.json';
import menuTemplate from './role-menu.card.json';
import patientTemplate from './role-patient.card.json';
import whatTemplate from './role-what.card.json';
import whoTemplate from './role-who.card.json';

const TEMPLATES: Record<RoleCardKey, object> = {
  what: whatTemplate,
  who: whoTemplate,
  compare: compareTemplate,
  how: howTemplate,
  coaches: coachesTemplate,
  patient: patientTemplate,
};

/** The data every role card template may use. Channel cards carry role information only. */
export const roleCardDataSchema = z.object({
  pcnName: z.string(),
  audience: z.enum(AUDIENCES),
  audienceNote: z.string(),
  minimumAge: z.number().int(),
  howToRefer: z.string(),
  contact: z.string(),
  link: z.string(),
  codes: z.array(z.object({ conceptId: z.string(), term: z.string() })),
  patientMessage: z.string(),
  reviewNote: z.string(),
  coaches: z.array(
    z.object({
      name: z.string(),
      practices: z.string(),
      modes: z.string(),
      formats: z.string(),
      about: z.string(),
    }),
  ),
});
export type RoleCardData = z.infer<typeof roleCardDataSchema>;

const MODE_LABELS = { phone: 'phone', video: 'video', 'face-to-face': 'face to face' } as const;
const FORMAT_LABELS = { 'one-to-one': 'one to one', group: 'group' } as const;

/** What "meet your coaches" shows of a coach. */
export type CoachListing = Pick<Coach, 'displayName' | 'practices' | 'modes' | 'formats' | 'about'>;

/** `coaches`: the roster's coaches when it is known; the PCN file's otherwise. */
export function roleCardData(
  card: RoleCardKey,
  audience: Audience,
  pcn: PcnConfig,
  reviewNote: string,
  coaches: readonly CoachListing[] = pcn.coaches,
): RoleCardData {
  const practiceName = (ods: string): string =>
    pcn.practices.find((p) => p.odsCode === ods)?.name ?? ods;
  const route = pcn.routes.hwbc;
  return {
    pcnName: pcn.pcnName,
    audience,
    audienceNote: audienceNote(audience, card),
    minimumAge: pcn.referral.minimumAge,
    howToRefer: route.howToRefer,
    contact: route.contact ?? '',
    link: route.link ?? '',
    codes: route.referralCodes,
    patientMessage: route.patientMessage,
    reviewNote,
    coaches: coaches.map((coach) => ({
      name: coach.displayName,
      practices:
        coach.practices.length > 0
          ? coach.practices.map(practiceName).join(', ')
          : 'All our practices',
      modes: coach.modes.map((m) => MODE_LABELS[m]).join(', '),
      formats: coach.formats.map((f) => FORMAT_LABELS[f]).join(' or '),
      about: coach.about ?? '',
    })),
  };
}

export function renderRoleCard(card: RoleCardKey, data: RoleCardData): CardAttachment {
  return toAttachment(expandCard(TEMPLATES[card], roleCardDataSchema.parse(data)));
}

export function renderRoleMenuCard(): CardAttachment {
  return toAttachment(
    expandCard(menuTemplate, {
      audiences: AUDIENCES.map((value) => ({ value, label: AUDIENCE_LABELS[value] })),
      cards: ROLE_CARDS.map((key) => ({ key, title: ROLE_CARD_TITLES[key] })),
    }),
  );
}
