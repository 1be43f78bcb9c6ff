import type { PcnConfig } from './pcn-config';
import { coachesForReferral } from './roster/referral-offer';
import { rosterFromConfig, type RosterMember } from './roster/roster-member';

export type UserRole = 'lead' | 'coach' | 'referrer';

/**
 * The one place that says what a user may do. Everyone in an allowed tenant is at least a
 * referrer. It holds a snapshot of the roster, so `roleOf` stays synchronous: the snapshot starts
 * from the PCN file and is replaced whenever the roster is read (at start, after every change,
 * and every few minutes for changes made through other instances).
 */
export class RoleDirectory {
  private members: readonly RosterMember[] = [];
  private leads: ReadonlySet<string> = new Set();
  private coachIds: ReadonlySet<string> = new Set();

  constructor(config: Pick<PcnConfig, 'leads' | 'coaches'>) {
    this.replace(rosterFromConfig(config));
  }

  /** The roster as it now stands: every later answer reads from it. */
  replace(members: readonly RosterMember[]): void {
    this.members = members.map((m) => ({ ...m, aadObjectId: m.aadObjectId.toLowerCase() }));
    this.leads = new Set(this.members.filter((m) => m.lead).map((m) => m.aadObjectId));
    this.coachIds = new Set(
      this.members.filter((m) => m.coach !== undefined).map((m) => m.aadObjectId),
    );
  }

  /** Lead wins over coach: a coach who is also the personalised care lead may do both. */
  roleOf(aadObjectId: string | undefined): UserRole {
    if (!aadObjectId) {
      return 'referrer';
    }
    const id = aadObjectId.toLowerCase();
    if (this.leads.has(id)) {
      return 'lead';
    }
    if (this.coachIds.has(id)) {
      return 'coach';
    }
    return 'referrer';
  }

  isLead(aadObjectId: string | undefined): boolean {
    return this.roleOf(aadObjectId) === 'lead';
  }

  isCoach(aadObjectId: string | undefined): boolean {
    return aadObjectId !== undefined && this.coachIds.has(aadObjectId.toLowerCase());
  }

  /** Everyone on the roster, in the order it was read. */
  everyone(): readonly RosterMember[] {
    return this.members;
  }

  /** The coaches, for "meet your coaches" and the lead's views. */
  coaches(): RosterMember[] {
    return this.members.filter((m) => m.coach !== undefined);
  }

  /** The coaches who may be offered a new referral from this practice today (YYYY-MM-DD). */
  coachesForReferral(odsCode: string, today: string): RosterMember[] {
    return coachesForReferral(this.members, odsCode, today);
  }
}
