import { CONTAINERS } from '../../../src/store/containers';
import { MemorySupervisionRepository } from '../../../src/store/memory/supervision.memory-repository';
import { CosmosSupervisionRepository } from '../../../src/store/supervision.cosmos-repository';
import { useEmbeddedDatabase } from '../../helpers/embedded-database';
import { freshContainer } from '../../helpers/fresh-container';
import { describeSupervisionContract } from './contracts/supervision.contract';

const store = useEmbeddedDatabase('supervision-contract');

describe('CosmosSupervisionRepository on the embedded server', () => {
  describeSupervisionContract(
    async () =>
      new CosmosSupervisionRepository(await freshContainer(store.database, CONTAINERS.supervision)),
  );
});

describe('MemorySupervisionRepository', () => {
  describeSupervisionContract(() => Promise.resolve(new MemorySupervisionRepository()));
});
