/**
 * The kinds of risk the risk net listens for, and the urgent route each one leads to.
 *
 * The list is in order of urgency, most urgent first, and every scan orders its categories by
 * it (the first is the one the urgent card leads with):
 *
 * 1. `acute`: a threat to life within minutes to hours (chest pain, stroke signs, can't
 *    breathe, sepsis): 999 / A&E, nothing else first.
 * 2. `suicide`: a threat to the person's life, overdose included (an overdose is also a medical
 *    emergency; every urgent card shows 999 / A&E whatever the route).
 * 3. `harm-to-others`: a threat to someone else's life or safety.
 * 4. `self-harm`: injury now or soon, same-day mental health response.
 * 5. `mental-health-crisis`: psychosis, mania, crisis: same-day mental health response.
 * 6. `safeguarding`: abuse, neglect, exploitation: same day to the safeguarding lead (the
 *    safeguarding lead escalates to 999 when someone is in immediate danger).
 */
export const RISK_CATEGORIES = [
  'acute',
  'suicide',
  'harm-to-others',
  'self-harm',
  'mental-health-crisis',
  'safeguarding',
] as const;

export type RiskCategory = (typeof RISK_CATEGORIES)[number];

export type UrgentRoute = 'mental-health' | 'safeguarding' | 'acute';

/** Lower is more urgent. */
export function urgencyRank(category: RiskCategory): number {
  return RISK_CATEGORIES.indexOf(category);
}

/** Sorts categories most urgent first, each once. */
export function byUrgency(categories: Iterable<RiskCategory>): RiskCategory[] {
  return [...new Set(categories)].sort((a, b) => urgencyRank(a) - urgencyRank(b));
}

/** Which urgent route a category leads to. */
export function urgentRouteFor(category: RiskCategory): UrgentRoute {
  switch (category) {
    case 'acute':
      return 'acute';
    case 'safeguarding':
      return 'safeguarding';
    case 'suicide':
    case 'self-harm':
    case 'harm-to-others':
    case 'mental-health-crisis':
      return 'mental-health';
  }
}
