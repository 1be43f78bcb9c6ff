import type { Container } from '@azure/cosmos';
import { cosmosStatus, storageError } from './cosmos-errors';
import { readDocument, upsertDocument } from './documents';
import type { TurnLedger } from './turn-ledger.repository';

interface LedgerDoc {
  id: string;
  state: 'applying' | 'applied' | 'lease';
  owner?: string;
  expiresAt: number;
  ttl?: number;
  _etag?: string;
}

/** Hold a document id to a size Cosmos takes: long keys are hashed by the caller. */
const ACTIVITY = 'activity:';
const LEASE = 'lease:';
/** Leases and in-flight claims vanish on their own a while after they would have expired. */
const LEASE_TTL_SECONDS = 3600;

/**
 * The turn ledger on Cosmos DB: create-if-absent and ETag replace, so instances agree. The ETag
 * of each lease this instance holds is kept, so giving it back is one guarded delete, not a read
 * and a delete.
 */
export class CosmosTurnLedger implements TurnLedger {
  private readonly heldLeases = new Map<string, string>();

  constructor(private readonly container: Container) {}

  async claimActivity(key: string, nowMs: number, leaseMs: number): Promise<boolean> {
    return this.take(
      `${ACTIVITY}${key}`,
      { state: 'applying', expiresAt: nowMs + leaseMs },
      (doc) => doc.state === 'applying' && doc.expiresAt <= nowMs,
    );
  }

  async completeActivity(key: string, keepSeconds: number): Promise<void> {
    const id = `${ACTIVITY}${key}`;
    const applied: LedgerDoc = {
      id,
      state: 'applied',
      expiresAt: Number.MAX_SAFE_INTEGER,
      ttl: keepSeconds,
    };
    await upsertDocument(this.container, applied, 'record applied activity');
  }

  async releaseActivity(key: string): Promise<void> {
    await this.remove(`${ACTIVITY}${key}`);
  }

  async acquireLease(key: string, owner: string, nowMs: number, leaseMs: number): Promise<boolean> {
    return this.take(
      `${LEASE}${key}`,
      { state: 'lease', owner, expiresAt: nowMs + leaseMs },
      (doc) => doc.expiresAt <= nowMs,
    );
  }

  async releaseLease(key: string, owner: string): Promise<void> {
    const id = `${LEASE}${key}`;
    const held = this.heldLeases.get(`${owner}|${id}`);
    this.heldLeases.delete(`${owner}|${id}`);
    const etag = held ?? (await this.ownedEtag(id, owner));
    if (!etag) {
      return;
    }
    try {
      await this.container
        .item(id, id)
        .delete({ accessCondition: { type: 'IfMatch', condition: etag } });
    } catch (error) {
      const status = cosmosStatus(error);
      if (status !== 404 && status !== 412) {
        throw storageError('release turn lease', error);
      }
    }
  }

  private async ownedEtag(id: string, owner: string): Promise<string | undefined> {
    const current = await this.read(id);
    return current?.owner === owner ? current._etag : undefined;
  }

  private rememberLease(doc: LedgerDoc, etag: string | undefined): void {
    if (doc.state === 'lease' && doc.owner && etag) {
      this.heldLeases.set(`${doc.owner}|${doc.id}`, etag);
    }
  }

  /** Create the document, or replace it when `stale` says the one there may be taken over. */
  private async take(
    id: string,
    fields: Omit<LedgerDoc, 'id'>,
    stale: (doc: LedgerDoc) => boolean,
  ): Promise<boolean> {
    const doc: LedgerDoc = { id, ...fields, ttl: LEASE_TTL_SECONDS };
    try {
      const { resource } = await this.container.items.create(doc);
      this.rememberLease(doc, resource?._etag);
      return true;
    } catch (error) {
      if (cosmosStatus(error) !== 409) {
        throw storageError('claim turn', error);
      }
    }
    const current = await this.read(id);
    if (!current) {
      return this.take(id, fields, () => false);
    }
    if (!stale(current) || !current._etag) {
      return false;
    }
    try {
      const { resource } = await this.container
        .item(id, id)
        .replace(doc, { accessCondition: { type: 'IfMatch', condition: current._etag } });
      this.rememberLease(doc, resource?._etag);
      return true;
    } catch (error) {
      const status = cosmosStatus(error);
      if (status === 412 || status === 404) {
        return false;
      }
      throw storageError('take over turn', error);
    }
  }

  private read(id: string): Promise<LedgerDoc | undefined> {
    return readDocument<LedgerDoc>(this.container.item(id, id), 'read turn ledger');
  }

  private async remove(id: string): Promise<void> {
    try {
      await this.container.item(id, id).delete();
    } catch (error) {
      if (cosmosStatus(error) !== 404) {
        throw storageError('release activity', error);
      }
    }
  }
}
