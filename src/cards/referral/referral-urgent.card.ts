import { z } from 'zod';
import type { PcnConfig, Practice } from '../../domain/pcn-config';
import type { UrgentRoute } from '../../domain/risk/risk-categories';
import template from './referral-urgent.card.json';
import { renderWith } from '../render';

/** Which urgent card: one route, or all of them when the concern was not named. */
export type UrgentCard = UrgentRoute | 'any';

export const referralUrgentCardSchema = z.object({
  route: z.enum(['mental-health', 'safeguarding', 'acute', 'any']),
  headline: z.string(),
  intro: z.string(),
  steps: z.array(z.string()).min(1),
  contactsTitle: z.string(),
  practices: z
    .array(z.object({ name: z.string(), dutyClinician: z.string(), safeguardingLead: z.string() }))
    .min(1),
  /** Offered when the practice is not known and the PCN has more than one. */
  practiceChoices: z.array(z.object({ name: z.string(), odsCode: z.string() })),
  reviewNote: z.string(),
});
export type ReferralUrgentCardData = z.infer<typeof referralUrgentCardSchema>;

const CALL_999 =
  '1. If a life is at immediate risk, call **999** or go to A&E now. Stay with the person, or make sure someone is with them.';

function crisisLine(pcn: PcnConfig): string[] {
  const { crisisLineName, crisisLinePhone, localCrisisLine } = pcn.urgent;
  return [
    ...(crisisLineName && crisisLinePhone ? [`${crisisLineName}: **${crisisLinePhone}**`] : []),
    ...(localCrisisLine ? [localCrisisLine] : []),
  ];
}

function content(
  route: UrgentCard,
  pcn: PcnConfig,
): Pick<ReferralUrgentCardData, 'headline' | 'intro' | 'steps'> {
  const line = crisisLine(pcn);
  const mentalHealth = [
    '**NHS 111, option 2**: urgent mental health help, 24 hours a day, every day; the person can call it themselves.',
    ...line,
  ];
  switch (route) {
    case 'mental-health':
      return {
        headline: 'Act now: risk of harm or a mental health crisis',
        intro:
          "You've described a risk to the person's life or safety, or a mental health crisis. Don't refer to coaching now. I can't assess risk: act on your clinical judgement and local policy.",
        steps: [
          CALL_999,
          '2. Speak to the duty clinician now, before the person leaves.',
          `3. ${mentalHealth.join(' ')}`,
          '4. Record what was said and what you did, as your practice does.',
        ],
      };
    case 'safeguarding':
      return {
        headline: 'Act now: a safeguarding concern',
        intro:
          "You've described a possible safeguarding concern (abuse, neglect, domestic abuse or exploitation). Don't refer to coaching now.",
        steps: [
          '1. If anyone is in immediate danger, call **999**.',
          "2. Tell the practice safeguarding lead today (below), and follow your practice's adult or child safeguarding procedure.",
          "3. Be careful not to put the person at more risk: don't raise it in front of a partner or carer who may be involved.",
          '4. Record the concern and what you did, as your practice does.',
        ],
      };
    case 'acute':
      return {
        headline: 'Act now: acute or rapidly worsening illness',
        intro:
          "You've described something that may be a medical emergency or getting rapidly worse. Don't refer to coaching now.",
        steps: [
          '1. Call **999** for chest pain, signs of a stroke (face drooping, arm weakness, speech problems), severe difficulty breathing, collapse or heavy bleeding.',
          '2. Otherwise, arrange an urgent assessment today with the duty clinician.',
          '3. Out of hours: **NHS 111**.',
        ],
      };
    case 'any':
      return {
        headline: 'Act now: this needs clinical or safeguarding action',
        intro:
          "You said an urgent concern applies. Don't refer to coaching yet. I can't assess risk, so please act on your clinical judgement and local policy now.",
        steps: [
          CALL_999,
          `2. Mental health crisis or risk of suicide or self-harm: ${mentalHealth.join(' ')}`,
          "3. Safeguarding: tell the practice safeguarding lead today and follow your practice's procedure.",
          '4. Acute or rapidly worsening illness: the duty clinician now; **999** for an emergency.',
        ],
      };
  }
}

/**
 * The urgent card for a route, with the contacts of the person's practice when it is known (or
 * the PCN has only one), otherwise every practice's, and a way to pick the practice.
 */
export function referralUrgentCardData(
  pcn: PcnConfig,
  reviewNote: string,
  route: UrgentCard = 'any',
  practiceCode?: string,
): ReferralUrgentCardData {
  const known: Practice | undefined =
    pcn.practices.find((p) => p.odsCode === practiceCode) ??
    (pcn.practices.length === 1 ? pcn.practices[0] : undefined);
  const shown = known ? [known] : pcn.practices;
  return {
    route,
    ...content(route, pcn),
    contactsTitle: known
      ? `${known.name}: duty clinician and safeguarding lead`
      : "Your practice's duty clinician and safeguarding lead",
    practices: shown.map(({ name, dutyClinician, safeguardingLead }) => ({
      name,
      dutyClinician,
      safeguardingLead,
    })),
    practiceChoices: known ? [] : pcn.practices.map(({ name, odsCode }) => ({ name, odsCode })),
    reviewNote,
  };
}

export const renderReferralUrgentCard = renderWith(template, referralUrgentCardSchema);
