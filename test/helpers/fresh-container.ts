import type { Container, Database } from '@azure/cosmos';
import type { ContainerSpec } from '../../src/store/containers';

let made = 0;

/**
 * A new, empty container shaped like `spec` (same partition key and TTL setting), so each contract
 * test starts from nothing, as the in-memory twin does.
 */
export async function freshContainer(database: Database, spec: ContainerSpec): Promise<Container> {
  made += 1;
  const { container } = await database.containers.create({
    id: `${spec.id}-${made}`,
    partitionKey: { paths: [spec.partitionKey] },
    ...(spec.defaultTtl === undefined ? {} : { defaultTtl: spec.defaultTtl }),
  });
  return container;
}
