import { CosmosBroadcastRepository } from '../../../src/store/broadcast.cosmos-repository';
import { CONTAINERS } from '../../../src/store/containers';
import { MemoryBroadcastRepository } from '../../../src/store/memory/broadcast.memory-repository';
import { useEmbeddedDatabase } from '../../helpers/embedded-database';
import { freshContainer } from '../../helpers/fresh-container';
import { describeBroadcastContract } from './contracts/broadcast.contract';

const store = useEmbeddedDatabase('broadcast-contract');

describe('CosmosBroadcastRepository on the embedded server', () => {
  describeBroadcastContract(
    async () =>
      new CosmosBroadcastRepository(await freshContainer(store.database, CONTAINERS.broadcasts)),
  );
});

describe('MemoryBroadcastRepository', () => {
  describeBroadcastContract(() => Promise.resolve(new MemoryBroadcastRepository()));
});
