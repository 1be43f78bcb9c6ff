import { Agent } from 'node:https';
import {
  CosmosClient,
  type CosmosClientOptions,
  type Database,
  type IndexingPolicy,
} from '@azure/cosmos';
import type { TokenCredential } from '@azure/identity';
import { CONTAINERS, type ContainerSpec } from './containers';
import { storageError } from './cosmos-errors';

/** Where the database is, and how to sign in: an account key, or an Entra ID token credential. */
export type CosmosConnection = {
  endpoint: string;
  database: string;
  /** Accept a self-signed certificate: the embedded server and the local emulator only. */
  allowSelfSigned: boolean;
} & ({ key: string } | { credential: TokenCredential });

/** Client options shared by our repositories and botbuilder's state storage, so both behave alike. */
export function cosmosClientOptions(connection: CosmosConnection): CosmosClientOptions {
  return {
    endpoint: connection.endpoint,
    ...('key' in connection ? { key: connection.key } : { aadCredentials: connection.credential }),
    ...(connection.allowSelfSigned
      ? { agent: new Agent({ rejectUnauthorized: false, keepAlive: true }) }
      : {}),
    connectionPolicy: {
      // The embedded server and emulators are a single local endpoint; real accounts discover regions.
      enableEndpointDiscovery: !connection.allowSelfSigned,
      requestTimeout: 10_000,
      // Fail a turn in seconds rather than minutes when storage is throttling or away.
      retryOptions: {
        maxRetryAttemptCount: 3,
        fixedRetryIntervalInMilliseconds: 0,
        maxWaitTimeInSeconds: 10,
      },
    },
  };
}

/** Range indexes on these paths only (what infra/main.bicep declares for the container). */
export function indexingPolicy(paths: readonly string[]): IndexingPolicy {
  return {
    indexingMode: 'consistent',
    automatic: true,
    includedPaths: paths.map((path) => ({ path })),
    excludedPaths: [{ path: '/*' }],
  };
}

/**
 * Connect, and create the database and every container the bot uses if they are missing. With a
 * managed identity, data-plane roles cannot create them: infra/main.bicep declares them, and
 * `createIfNotExists` then only reads them.
 */
export async function openDatabase(
  connection: CosmosConnection,
): Promise<{ client: CosmosClient; database: Database }> {
  const client = new CosmosClient(cosmosClientOptions(connection));
  try {
    const { database } = await client.databases.createIfNotExists({ id: connection.database });
    for (const spec of Object.values(CONTAINERS) as ContainerSpec[]) {
      await database.containers.createIfNotExists({
        id: spec.id,
        partitionKey: { paths: [spec.partitionKey] },
        ...(spec.defaultTtl === undefined ? {} : { defaultTtl: spec.defaultTtl }),
        ...(spec.indexedPaths ? { indexingPolicy: indexingPolicy(spec.indexedPaths) } : {}),
      });
    }
    return { client, database };
  } catch (error) {
    client.dispose();
    throw storageError(`open database ${connection.database}`, error);
  }
}
