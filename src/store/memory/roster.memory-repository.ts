import { rosterMemberSchema, type RosterMember } from '../../domain/roster/roster-member';
import { CONTAINERS } from '../containers';
import { memberDocId, SEED_DOC_ID, type RosterRepository } from '../roster.repository';
import type { Versioned } from '../versioned';
import { MemoryContainer, type Document, type Stored } from './memory-container';
import { settle } from './settle';
import { byField, readAs } from './stored-document';

const memberDocument = (pcnCode: string, member: RosterMember): Document => ({
  id: memberDocId(member.aadObjectId),
  pcnCode,
  type: 'member',
  ...rosterMemberSchema.parse(member),
});

const versioned = ({ body, etag }: Stored): Versioned<RosterMember> => ({
  value: readAs(rosterMemberSchema, 'roster member', body),
  etag,
});

/** The roster in memory, partitioned by PCN code like the Cosmos container. */
export class MemoryRosterRepository implements RosterRepository {
  constructor(private readonly container = new MemoryContainer(CONTAINERS.roster.partitionKey)) {}

  list(pcnCode: string): Promise<Array<Versioned<RosterMember>>> {
    return settle(() =>
      this.container
        .query((d) => d.pcnCode === pcnCode && d.type === 'member')
        .sort((a, b) => byField('displayName')(a.body, b.body))
        .map(versioned),
    );
  }

  get(pcnCode: string, aadObjectId: string): Promise<Versioned<RosterMember> | undefined> {
    return settle(() => {
      const stored = this.container.read(memberDocId(aadObjectId), pcnCode);
      return stored ? versioned(stored) : undefined;
    });
  }

  add(pcnCode: string, member: RosterMember): Promise<boolean> {
    return settle(() => this.container.create(memberDocument(pcnCode, member)) !== undefined);
  }

  replaceIfUnchanged(
    pcnCode: string,
    current: Versioned<RosterMember>,
    next: RosterMember,
  ): Promise<boolean> {
    return settle(() => {
      const result = this.container.replace(memberDocument(pcnCode, next), current.etag);
      return result !== 'missing' && result !== 'changed';
    });
  }

  removeIfUnchanged(pcnCode: string, current: Versioned<RosterMember>): Promise<boolean> {
    return settle(() => {
      const id = memberDocId(current.value.aadObjectId);
      const stored = this.container.read(id, pcnCode);
      if (!stored || stored.etag !== current.etag) {
        return false;
      }
      return this.container.delete(id, pcnCode);
    });
  }

  seedOnce(pcnCode: string, members: readonly RosterMember[], at: string): Promise<boolean> {
    return settle(() => {
      if (this.container.read(SEED_DOC_ID, pcnCode)) {
        return false;
      }
      for (const member of members) {
        this.container.create(memberDocument(pcnCode, member));
      }
      return this.container.create({ id: SEED_DOC_ID, pcnCode, type: 'seed', at }) !== undefined;
    });
  }
}
