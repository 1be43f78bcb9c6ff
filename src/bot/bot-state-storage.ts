import { CosmosDbPartitionedStorage } from 'botbuilder-azure';
import { CONTAINERS } from '../store/containers';
import { cosmosClientOptions, type CosmosConnection } from '../store/cosmos-database';

/** botbuilder's dialog-state storage on the same account, signed in the same way. */
export function createBotStateStorage(connection: CosmosConnection): CosmosDbPartitionedStorage {
  return new CosmosDbPartitionedStorage({
    cosmosDbEndpoint: connection.endpoint,
    ...('key' in connection
      ? { authKey: connection.key }
      : { tokenCredential: connection.credential }),
    databaseId: connection.database,
    containerId: CONTAINERS.botState.id,
    cosmosClientOptions: cosmosClientOptions(connection),
    compatibilityMode: false,
  });
}
