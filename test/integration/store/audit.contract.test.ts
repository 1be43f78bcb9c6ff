import { CosmosAuditLog } from '../../../src/store/audit.cosmos-repository';
import { CONTAINERS } from '../../../src/store/containers';
import { MemoryAuditLog } from '../../../src/store/memory/audit.memory-repository';
import { useEmbeddedDatabase } from '../../helpers/embedded-database';
import { freshContainer } from '../../helpers/fresh-container';
import { describeAuditContract } from './contracts/audit.contract';

const store = useEmbeddedDatabase('audit-contract');

describe('CosmosAuditLog on the embedded server', () => {
  describeAuditContract(
    async () => new CosmosAuditLog(await freshContainer(store.database, CONTAINERS.audit)),
  );
});

describe('MemoryAuditLog', () => {
  describeAuditContract(() => Promise.resolve(new MemoryAuditLog()));
});
