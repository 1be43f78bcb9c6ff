import { CONTAINERS } from '../../../src/store/containers';
import { MemoryRateGate } from '../../../src/store/memory/rate-window.memory-store';
import { CosmosRateGate } from '../../../src/store/rate-window.cosmos-store';
import { useEmbeddedDatabase } from '../../helpers/embedded-database';
import { freshContainer } from '../../helpers/fresh-container';
import { describeRateGateContract } from './contracts/rate-gate.contract';

const store = useEmbeddedDatabase('rate-gate-contract');

describe('CosmosRateGate on the embedded server', () => {
  describeRateGateContract(
    async () => new CosmosRateGate(await freshContainer(store.database, CONTAINERS.rateWindows)),
  );
});

describe('MemoryRateGate', () => {
  describeRateGateContract(() => Promise.resolve(new MemoryRateGate()));
});
