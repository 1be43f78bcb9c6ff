import type { PcnConfig } from './pcn-config';

export type UserRole = 'lead' | 'coach' | 'referrer';

/** The one place that says what a user may do. Everyone in an allowed tenant is at least a referrer. */
export class RoleDirectory {
  private readonly leads: ReadonlySet<string>;
  private readonly coaches: ReadonlySet<string>;

  constructor(config: Pick<PcnConfig, 'leads' | 'coaches'>) {
    this.leads = new Set(config.leads.map((p) => p.aadObjectId.toLowerCase()));
    this.coaches = new Set(config.coaches.map((p) => p.aadObjectId.toLowerCase()));
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
    if (this.coaches.has(id)) {
      return 'coach';
    }
    return 'referrer';
  }

  isLead(aadObjectId: string | undefined): boolean {
    return this.roleOf(aadObjectId) === 'lead';
  }

  isCoach(aadObjectId: string | undefined): boolean {
    return aadObjectId !== undefined && this.coaches.has(aadObjectId.toLowerCase());
  }
}
