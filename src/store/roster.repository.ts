import type { RosterMember } from '../domain/roster/roster-member';
import type { Versioned } from './versioned';

/**
 * The PCN's team (leads and coaches), partitioned by the PCN's code so one deployment could
 * later hold several PCNs. Every change is guarded by the ETag it was read at, so two leads
 * editing at once never overwrite each other silently.
 */
export interface RosterRepository {
  /** Everyone on this PCN's roster, by display name. */
  list(pcnCode: string): Promise<Array<Versioned<RosterMember>>>;
  get(pcnCode: string, aadObjectId: string): Promise<Versioned<RosterMember> | undefined>;
  /** Adds a person; false when they are already on the roster (nothing changed). */
  add(pcnCode: string, member: RosterMember): Promise<boolean>;
  /** Replaces a person only if unchanged since `current` was read; false when it changed or went. */
  replaceIfUnchanged(
    pcnCode: string,
    current: Versioned<RosterMember>,
    next: RosterMember,
  ): Promise<boolean>;
  /** Removes a person only if unchanged since `current` was read; false when it changed or went. */
  removeIfUnchanged(pcnCode: string, current: Versioned<RosterMember>): Promise<boolean>;
  /**
   * Stores `members` when this PCN's roster has never been seeded, and marks it seeded; true when
   * it seeded. Once seeded, never again: later edits (removals too) are never overwritten.
   */
  seedOnce(pcnCode: string, members: readonly RosterMember[], at: string): Promise<boolean>;
}

export const memberDocId = (aadObjectId: string): string => `member-${aadObjectId.toLowerCase()}`;
export const SEED_DOC_ID = 'seeded';
