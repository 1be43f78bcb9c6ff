import {
  digestPreferenceSchema,
  digestSentSchema,
  type DigestPreference,
} from '../../domain/digest/digest-preference';
import { CONTAINERS } from '../containers';
import { preferenceId, sentId } from '../digest-document-ids';
import type { DigestRepository } from '../digest.repository';
import { MemoryContainer } from './memory-container';
import { settle } from './settle';
import { readAs } from './stored-document';

/** The digest's records in memory, as the Cosmos repository keeps them in `conversations`. */
export class MemoryDigestRepository implements DigestRepository {
  constructor(
    private readonly container = new MemoryContainer(CONTAINERS.conversations.partitionKey),
  ) {}

  getPreference(tenantId: string, userId: string): Promise<DigestPreference | undefined> {
    return settle(() => {
      const stored = this.container.read(preferenceId(tenantId, userId), tenantId);
      return stored ? readAs(digestPreferenceSchema, 'digest preference', stored.body) : undefined;
    });
  }

  setPreference(preference: DigestPreference): Promise<void> {
    return settle(() => {
      this.container.upsert({
        id: preferenceId(preference.tenantId, preference.userId),
        docType: 'digestPreference',
        ...digestPreferenceSchema.parse(preference),
      });
    });
  }

  claimWeek(tenantId: string, userId: string, week: string, claimedAt: string): Promise<boolean> {
    return settle(
      () =>
        this.container.create({
          id: sentId(tenantId, userId, week),
          docType: 'digestSent',
          ...digestSentSchema.parse({ tenantId, userId, week, claimedAt }),
        }) !== undefined,
    );
  }

  releaseWeek(tenantId: string, userId: string, week: string): Promise<void> {
    return settle(() => {
      this.container.delete(sentId(tenantId, userId, week), tenantId);
    });
  }
}
