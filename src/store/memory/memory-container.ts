import { randomUUID } from 'node:crypto';

/** A document as a container holds it: plain JSON. */
export type Document = Record<string, unknown>;

/** A copy of a stored document, with the ETag of the write that stored it. */
export interface Stored {
  readonly body: Document;
  readonly etag: string;
}

/**
 * JSON documents by partition key and id, as a Cosmos DB container keeps them: an id is unique
 * within its partition, every write gives the document a new ETag, and what is read is a copy,
 * so changing it changes nothing stored. TTL is not kept.
 */
export class MemoryContainer {
  private readonly documents = new Map<string, { json: string; etag: string }>();
  private readonly partitionField: string;
  private writes = 0;

  /** `partitionKey` is the container's partition key path, as in CONTAINERS (e.g. '/tenantId'). */
  constructor(partitionKey: string) {
    this.partitionField = partitionKey.replace(/^\//, '');
  }

  read(id: string, partition: string): Stored | undefined {
    const found = this.documents.get(slot(partition, id));
    return found ? { body: parse(found.json), etag: found.etag } : undefined;
  }

  /** Store a new document; undefined when its id is taken in its partition (Cosmos answers 409). */
  create(document: Document): Stored | undefined {
    const withId = this.withId(document);
    return this.documents.has(this.slotOf(withId)) ? undefined : this.write(withId);
  }

  upsert(document: Document): Stored {
    return this.write(this.withId(document));
  }

  /**
   * Replace a stored document, only if its ETag is still `ifMatch` when one is given. Says
   * 'missing' when there is none to replace (404) and 'changed' when the ETag differs (412).
   */
  replace(document: Document, ifMatch?: string): Stored | 'missing' | 'changed' {
    const withId = this.withId(document);
    const current = this.documents.get(this.slotOf(withId));
    if (!current) {
      return 'missing';
    }
    if (ifMatch !== undefined && current.etag !== ifMatch) {
      return 'changed';
    }
    return this.write(withId);
  }

  /** False when there was nothing to delete. */
  delete(id: string, partition: string): boolean {
    return this.documents.delete(slot(partition, id));
  }

  /** Every document the filter accepts, in the order they were first stored. */
  query(filter: (document: Document) => boolean): Stored[] {
    return [...this.documents.values()]
      .map(({ json, etag }) => ({ body: parse(json), etag }))
      .filter(({ body }) => filter(body));
  }

  private write(document: Document & { id: string }): Stored {
    this.writes += 1;
    const etag = `"${this.writes}"`;
    const json = JSON.stringify(document);
    this.documents.set(this.slotOf(document), { json, etag });
    return { body: parse(json), etag };
  }

  private withId(document: Document): Document & { id: string } {
    const { id } = document;
    return typeof id === 'string' ? { ...document, id } : { ...document, id: randomUUID() };
  }

  private slotOf(document: Document & { id: string }): string {
    return slot(document[this.partitionField], document.id);
  }
}

function slot(partition: unknown, id: string): string {
  return JSON.stringify([partition ?? null, id]);
}

function parse(json: string): Document {
  return JSON.parse(json) as Document;
}
