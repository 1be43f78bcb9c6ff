import { CONTAINERS } from '../../../src/store/containers';
import { MemoryReferralRecordRepository } from '../../../src/store/memory/referral-record.memory-repository';
import { CosmosReferralRecordRepository } from '../../../src/store/referral-record.cosmos-repository';
import { useEmbeddedDatabase } from '../../helpers/embedded-database';
import { freshContainer } from '../../helpers/fresh-container';
import { describeReferralRecordContract } from './contracts/referral-record.contract';

const store = useEmbeddedDatabase('referral-record-contract');

describe('CosmosReferralRecordRepository on the embedded server', () => {
  describeReferralRecordContract(
    async () =>
      new CosmosReferralRecordRepository(
        await freshContainer(store.database, CONTAINERS.referralRecords),
      ),
  );
});

describe('CosmosReferralRecordRepository with a retention ttl', () => {
  describeReferralRecordContract(
    async () =>
      new CosmosReferralRecordRepository(
        await freshContainer(store.database, CONTAINERS.referralRecords),
        3600,
      ),
  );
});

describe('MemoryReferralRecordRepository', () => {
  describeReferralRecordContract(() => Promise.resolve(new MemoryReferralRecordRepository()));
});
