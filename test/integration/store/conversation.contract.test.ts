import { CONTAINERS } from '../../../src/store/containers';
import { CosmosConversationRepository } from '../../../src/store/conversation.cosmos-repository';
import { MemoryConversationRepository } from '../../../src/store/memory/conversation.memory-repository';
import { useEmbeddedDatabase } from '../../helpers/embedded-database';
import { freshContainer } from '../../helpers/fresh-container';
import { describeConversationContract } from './contracts/conversation.contract';

const store = useEmbeddedDatabase('conversation-contract');

describe('CosmosConversationRepository on the embedded server', () => {
  describeConversationContract(
    async () =>
      new CosmosConversationRepository(
        await freshContainer(store.database, CONTAINERS.conversations),
      ),
  );
});

describe('MemoryConversationRepository', () => {
  describeConversationContract(() => Promise.resolve(new MemoryConversationRepository()));
});
