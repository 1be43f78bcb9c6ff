import type { Container } from '@azure/cosmos';
import {
  digestPreferenceSchema,
  digestSentSchema,
  type DigestPreference,
} from '../domain/digest/digest-preference';
import { cosmosStatus, storageError } from './cosmos-errors';
import type { DigestRepository } from './digest.repository';
import { preferenceId, sentId } from './digest-document-ids';
import { parseStored, readDocument, upsertDocument } from './documents';

/**
 * Kept in the `conversations` container beside the 1:1 references, partitioned by tenant, with a
 * `docType` so that no query for conversations (which ask for a `kind`) ever reads them.
 */
export class CosmosDigestRepository implements DigestRepository {
  constructor(private readonly container: Container) {}

  async getPreference(tenantId: string, userId: string): Promise<DigestPreference | undefined> {
    const doc = await readDocument<Record<string, unknown> & { id: string }>(
      this.container.item(preferenceId(tenantId, userId), tenantId),
      'read digest preference',
    );
    return doc === undefined
      ? undefined
      : parseStored(digestPreferenceSchema, 'digest preference', doc);
  }

  async setPreference(preference: DigestPreference): Promise<void> {
    await upsertDocument(
      this.container,
      {
        id: preferenceId(preference.tenantId, preference.userId),
        docType: 'digestPreference',
        ...digestPreferenceSchema.parse(preference),
      },
      'save digest preference',
    );
  }

  async claimWeek(
    tenantId: string,
    userId: string,
    week: string,
    claimedAt: string,
  ): Promise<boolean> {
    const marker = digestSentSchema.parse({ tenantId, userId, week, claimedAt });
    try {
      await this.container.items.create({
        id: sentId(tenantId, userId, week),
        docType: 'digestSent',
        ...marker,
      });
      return true;
    } catch (error) {
      if (cosmosStatus(error) === 409) {
        return false;
      }
      throw storageError('claim weekly digest', error);
    }
  }

  async releaseWeek(tenantId: string, userId: string, week: string): Promise<void> {
    try {
      await this.container.item(sentId(tenantId, userId, week), tenantId).delete();
    } catch (error) {
      if (cosmosStatus(error) !== 404) {
        throw storageError('release weekly digest', error);
      }
    }
  }
}
