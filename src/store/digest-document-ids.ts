import { documentId } from './document-id';

/** Ids of the digest's documents in the conversations container (partition /tenantId). */
export const preferenceId = (tenantId: string, userId: string): string =>
  `digest-pref-${documentId(tenantId, userId)}`;

export const sentId = (tenantId: string, userId: string, week: string): string =>
  `digest-sent-${documentId(tenantId, userId, week)}`;
