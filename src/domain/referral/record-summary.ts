import type { DateTime } from 'luxon';
import type { PcnConfig, Route, SnomedCode } from '../pcn-config';
import { reasonText, type ReasonContext } from './reasons';
import type { ReferralOutcome } from './referral-rules';

type NonUrgent = Exclude<ReferralOutcome, { kind: 'urgent' }>;

const codes = (list: readonly SnomedCode[]): string =>
  list.length > 0
    ? list.map((c) => `${c.term} (SNOMED CT ${c.conceptId})`).join('; ')
    : "use your practice's template";

/**
 * A few plain lines the referrer can paste into the clinical record: the route, the reasons and
 * the codes, in the PCN's own words. Nothing about the patient beyond what the rules used.
 */
export function recordSummary(
  outcome: NonUrgent,
  pcn: PcnConfig,
  reasonContext: ReasonContext,
  on: DateTime,
): string[] {
  const name = (route: Route): string => pcn.routes[route].name;
  const date = on.setZone('Europe/London').toFormat('d LLL yyyy');
  const lines = [`Personalised care referral decision support (${pcn.pcnName}), ${date}.`];
  if (outcome.kind === 'refer') {
    lines.push(
      `Suggested: refer to the ${name(outcome.primary)}${outcome.secondary ? `; also consider the ${name(outcome.secondary)}` : ''}.`,
      `Code: ${codes(pcn.routes[outcome.primary].referralCodes)}.`,
    );
  } else {
    lines.push('No referral to these roles suggested now.');
    if (outcome.declined) {
      lines.push(
        `Declined: ${name(outcome.declined)}. Code: ${codes(pcn.routes[outcome.declined].declinedCodes)}.`,
      );
    }
  }
  lines.push(`Why: ${outcome.reasons.map((code) => reasonText(code, reasonContext)).join(' ')}`);
  return lines;
}
