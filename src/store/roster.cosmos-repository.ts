import type { Container } from '@azure/cosmos';
import { rosterMemberSchema, type RosterMember } from '../domain/roster/roster-member';
import { cosmosStatus, storageError } from './cosmos-errors';
import { parseStored, queryAll, readDocument } from './documents';
import { memberDocId, SEED_DOC_ID, type RosterRepository } from './roster.repository';
import type { Versioned } from './versioned';

type Doc = Record<string, unknown> & { _etag?: string };

const memberDocument = (pcnCode: string, member: RosterMember): Doc => ({
  id: memberDocId(member.aadObjectId),
  pcnCode,
  type: 'member',
  ...rosterMemberSchema.parse(member),
});

const versioned = (doc: Doc): Versioned<RosterMember> => ({
  value: parseStored(rosterMemberSchema, 'roster member', doc),
  etag: doc._etag ?? '',
});

/** The roster in Cosmos DB, container `roster`, partition /pcnCode. */
export class CosmosRosterRepository implements RosterRepository {
  constructor(private readonly container: Container) {}

  async list(pcnCode: string): Promise<Array<Versioned<RosterMember>>> {
    const docs = await queryAll<Doc>(
      this.container,
      'roster',
      `SELECT * FROM c WHERE c.pcnCode = @p AND c.type = 'member' ORDER BY c.displayName`,
      [{ name: '@p', value: pcnCode }],
    );
    return docs.map(versioned);
  }

  async get(pcnCode: string, aadObjectId: string): Promise<Versioned<RosterMember> | undefined> {
    const doc = await readDocument<Doc>(
      this.container.item(memberDocId(aadObjectId), pcnCode),
      'read roster member',
    );
    return doc ? versioned(doc) : undefined;
  }

  async add(pcnCode: string, member: RosterMember): Promise<boolean> {
    return this.create(memberDocument(pcnCode, member), 'add roster member');
  }

  async replaceIfUnchanged(
    pcnCode: string,
    current: Versioned<RosterMember>,
    next: RosterMember,
  ): Promise<boolean> {
    const doc = memberDocument(pcnCode, next);
    try {
      await this.container
        .item(memberDocId(current.value.aadObjectId), pcnCode)
        .replace(doc, { accessCondition: { type: 'IfMatch', condition: current.etag } });
      return true;
    } catch (error) {
      if (cosmosStatus(error) === 412 || cosmosStatus(error) === 404) {
        return false;
      }
      throw storageError('update roster member', error);
    }
  }

  async removeIfUnchanged(pcnCode: string, current: Versioned<RosterMember>): Promise<boolean> {
    try {
      await this.container
        .item(memberDocId(current.value.aadObjectId), pcnCode)
        .delete({ accessCondition: { type: 'IfMatch', condition: current.etag } });
      return true;
    } catch (error) {
      if (cosmosStatus(error) === 412 || cosmosStatus(error) === 404) {
        return false;
      }
      throw storageError('remove roster member', error);
    }
  }

  async seedOnce(pcnCode: string, members: readonly RosterMember[], at: string): Promise<boolean> {
    const marker = await readDocument<Doc>(
      this.container.item(SEED_DOC_ID, pcnCode),
      'read roster seed',
    );
    if (marker) {
      return false;
    }
    // Members first, each only if absent, then the marker: a start that dies half-way seeds the
    // rest next time, and nothing already stored is overwritten.
    for (const member of members) {
      await this.add(pcnCode, member);
    }
    return this.create({ id: SEED_DOC_ID, pcnCode, type: 'seed', at }, 'mark roster seeded');
  }

  private async create(doc: Doc, operation: string): Promise<boolean> {
    try {
      await this.container.items.create(doc);
      return true;
    } catch (error) {
      if (cosmosStatus(error) === 409) {
        return false;
      }
      throw storageError(operation, error);
    }
  }
}
