import { CONTAINERS } from '../../../src/store/containers';
import { MemorySessionLogRepository } from '../../../src/store/memory/session-log.memory-repository';
import { CosmosSessionLogRepository } from '../../../src/store/session-log.cosmos-repository';
import { useEmbeddedDatabase } from '../../helpers/embedded-database';
import { freshContainer } from '../../helpers/fresh-container';
import { describeSessionLogContract } from './contracts/session-log.contract';

const store = useEmbeddedDatabase('session-log-contract');

describe('CosmosSessionLogRepository on the embedded server', () => {
  describeSessionLogContract(
    async () =>
      new CosmosSessionLogRepository(
        await freshContainer(store.database, CONTAINERS.sessionLogs),
        3600,
      ),
  );
});

describe('MemorySessionLogRepository', () => {
  describeSessionLogContract(() => Promise.resolve(new MemorySessionLogRepository()));
});
