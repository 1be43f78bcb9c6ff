import type { CosmosClient, Database } from '@azure/cosmos';
import { openDatabase } from '../../src/store/cosmos-database';
import { startEmbeddedCosmos, type EmbeddedCosmos } from '../../src/store/embedded-cosmos';

export interface EmbeddedDatabase {
  readonly database: Database;
  readonly embedded: EmbeddedCosmos;
}

/**
 * For one test file: the embedded Cosmos-compatible server over HTTPS, with the named database
 * and every container opened through `@azure/cosmos` before the tests, and both closed after.
 */
export function useEmbeddedDatabase(name: string): EmbeddedDatabase {
  let embedded: EmbeddedCosmos | undefined;
  let client: CosmosClient | undefined;
  let database: Database | undefined;
  beforeAll(async () => {
    embedded = await startEmbeddedCosmos();
    ({ client, database } = await openDatabase({
      endpoint: embedded.endpoint,
      key: embedded.key,
      database: name,
      allowSelfSigned: true,
    }));
  });
  afterAll(async () => {
    client?.dispose();
    await embedded?.close();
  });
  const opened = <T>(value: T | undefined): T => {
    if (value === undefined) {
      throw new Error('The embedded database is opened in beforeAll: use it inside a test.');
    }
    return value;
  };
  return {
    get database() {
      return opened(database);
    },
    get embedded() {
      return opened(embedded);
    },
  };
}
