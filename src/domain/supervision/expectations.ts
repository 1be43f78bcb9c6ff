import type { SupervisionKind } from './schedule';

/**
 * What is expected of each kind of supervision, only where a figure has a source
 * (the product reference on HWBC supervision): 1 to 2 hours a month of individual coaching
 * supervision; group sessions encouraged; no national figure for clinical supervision or line
 * management, which a PCN agrees locally.
 */
export const EXPECTED_SUPERVISION: Record<SupervisionKind, string> = {
  'coaching-one-to-one': 'Expected: 1 to 2 hours a month',
  'coaching-group': 'Encouraged alongside 1:1 coaching supervision; no set amount',
  clinical: 'No national figure: as agreed with your PCN',
  'line-management': 'No national figure: as agreed with your PCN',
};
