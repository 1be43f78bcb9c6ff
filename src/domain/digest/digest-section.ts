import type { DigestWeek } from './digest-week';

/** Who a digest is for: a coach, a lead, or someone who is both (one digest with both parts). */
export interface DigestReader {
  tenantId: string;
  /** Entra object id, lower case. */
  userId: string;
  displayName: string;
  isCoach: boolean;
  isLead: boolean;
}

/** One part of a digest: a heading and its lines (never empty: a section with nothing says so). */
export interface DigestBlock {
  title: string;
  lines: string[];
}

/**
 * A part of the weekly digest. The digest is made of a list of these, so a feature adds its own
 * (referrals waiting, for leads) by giving one more to the list; nothing else changes.
 */
export interface DigestSection {
  /** Whether this reader gets the section at all (e.g. leads only). */
  appliesTo(reader: DigestReader): boolean;
  /** This week's part for one reader, or undefined to leave it out this week. */
  compose(reader: DigestReader, week: DigestWeek): Promise<DigestBlock | undefined>;
}
