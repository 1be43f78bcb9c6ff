import type { Container } from '@azure/cosmos';
import { CosmosAuditLog } from '../../../src/store/audit.cosmos-repository';
import { CosmosBroadcastRepository } from '../../../src/store/broadcast.cosmos-repository';
import { CONTAINERS, type ContainerSpec } from '../../../src/store/containers';
import { CosmosConversationRepository } from '../../../src/store/conversation.cosmos-repository';
import { MemoryAuditLog } from '../../../src/store/memory/audit.memory-repository';
import { MemoryBroadcastRepository } from '../../../src/store/memory/broadcast.memory-repository';
import { MemoryConversationRepository } from '../../../src/store/memory/conversation.memory-repository';
import { MemoryRateGate } from '../../../src/store/memory/rate-window.memory-store';
import { MemoryReferralCaseRepository } from '../../../src/store/memory/referral-case.memory-repository';
import { MemoryReferralRecordRepository } from '../../../src/store/memory/referral-record.memory-repository';
import { MemorySessionLogRepository } from '../../../src/store/memory/session-log.memory-repository';
import { MemorySupervisionRepository } from '../../../src/store/memory/supervision.memory-repository';
import { CosmosRateGate } from '../../../src/store/rate-window.cosmos-store';
import { CosmosReferralCaseRepository } from '../../../src/store/referral-case.cosmos-repository';
import { CosmosReferralRecordRepository } from '../../../src/store/referral-record.cosmos-repository';
import { CosmosRosterRepository } from '../../../src/store/roster.cosmos-repository';
import { MemoryRosterRepository } from '../../../src/store/memory/roster.memory-repository';
import { CosmosReferrerFeedbackRepository } from '../../../src/store/referrer-feedback.cosmos-repository';
import { MemoryReferrerFeedbackRepository } from '../../../src/store/memory/referrer-feedback.memory-repository';
import { CosmosSessionLogRepository } from '../../../src/store/session-log.cosmos-repository';
import { CosmosSupervisionRepository } from '../../../src/store/supervision.cosmos-repository';
import { useEmbeddedDatabase } from '../../helpers/embedded-database';
import { freshContainer } from '../../helpers/fresh-container';
import { present } from '../../helpers/present';
import { describeAuditContract } from './contracts/audit.contract';
import { describeBroadcastContract } from './contracts/broadcast.contract';
import { describeConversationContract } from './contracts/conversation.contract';
import { describeDigestContract } from './contracts/digest.contract';
import { CosmosDigestRepository } from '../../../src/store/digest.cosmos-repository';
import { MemoryDigestRepository } from '../../../src/store/memory/digest.memory-repository';
import { describeRateGateContract } from './contracts/rate-gate.contract';
import { describeReferralCaseContract } from './contracts/referral-case.contract';
import { describeReferralRecordContract } from './contracts/referral-record.contract';
import { describeRosterContract } from './contracts/roster.contract';
import { describeReferrerFeedbackContract } from './contracts/referrer-feedback.contract';
import { describeSessionLogContract } from './contracts/session-log.contract';
import { describeSupervisionContract } from './contracts/supervision.contract';

/*
 * Each store port's contract (./contracts/) against its Cosmos implementation, every test on a
 * fresh container of the embedded server, and against its in-memory twin.
 */

const store = useEmbeddedDatabase('store-contracts');

/** The Cosmos implementation `make` builds on a new, empty container shaped like `spec`. */
const onFresh =
  <Port>(spec: ContainerSpec, make: (container: Container) => Port) =>
  async (): Promise<Port> =>
    make(await freshContainer(store.database, spec));

const inMemory =
  <Port>(make: () => Port) =>
  (): Promise<Port> =>
    Promise.resolve(make());

/** The contract once for each implementation, under its title, on a new one made for each test. */
function describeEach<Port>(
  contract: (port: () => Port) => void,
  implementations: Readonly<Record<string, () => Promise<Port>>>,
): void {
  for (const [title, make] of Object.entries(implementations)) {
    describe(title, () => {
      let port: Port | undefined;
      beforeEach(async () => {
        port = await make();
      });
      contract(() => present(port, `${title} made for the test`));
    });
  }
}

describeEach(describeAuditContract, {
  'CosmosAuditLog on the embedded server': onFresh(CONTAINERS.audit, (c) => new CosmosAuditLog(c)),
  MemoryAuditLog: inMemory(() => new MemoryAuditLog()),
});

describeEach(describeBroadcastContract, {
  'CosmosBroadcastRepository on the embedded server': onFresh(
    CONTAINERS.broadcasts,
    (c) => new CosmosBroadcastRepository(c),
  ),
  MemoryBroadcastRepository: inMemory(() => new MemoryBroadcastRepository()),
});

describeEach(describeDigestContract, {
  'CosmosDigestRepository on the embedded server': onFresh(
    CONTAINERS.conversations,
    (c) => new CosmosDigestRepository(c),
  ),
  MemoryDigestRepository: inMemory(() => new MemoryDigestRepository()),
});

describeEach(describeConversationContract, {
  'CosmosConversationRepository on the embedded server': onFresh(
    CONTAINERS.conversations,
    (c) => new CosmosConversationRepository(c),
  ),
  MemoryConversationRepository: inMemory(() => new MemoryConversationRepository()),
});

describeEach(describeRateGateContract, {
  'CosmosRateGate on the embedded server': onFresh(
    CONTAINERS.rateWindows,
    (c) => new CosmosRateGate(c),
  ),
  MemoryRateGate: inMemory(() => new MemoryRateGate()),
});

describeEach(describeReferralRecordContract, {
  'CosmosReferralRecordRepository on the embedded server': onFresh(
    CONTAINERS.referralRecords,
    (c) => new CosmosReferralRecordRepository(c),
  ),
  'CosmosReferralRecordRepository with a retention ttl': onFresh(
    CONTAINERS.referralRecords,
    (c) => new CosmosReferralRecordRepository(c, 3600),
  ),
  MemoryReferralRecordRepository: inMemory(() => new MemoryReferralRecordRepository()),
});

describeEach(describeSessionLogContract, {
  'CosmosSessionLogRepository on the embedded server': onFresh(
    CONTAINERS.sessionLogs,
    (c) => new CosmosSessionLogRepository(c, 3600),
  ),
  MemorySessionLogRepository: inMemory(() => new MemorySessionLogRepository()),
});

describeEach(describeSupervisionContract, {
  'CosmosSupervisionRepository on the embedded server': onFresh(
    CONTAINERS.supervision,
    (c) => new CosmosSupervisionRepository(c),
  ),
  MemorySupervisionRepository: inMemory(() => new MemorySupervisionRepository()),
});

describeEach(describeRosterContract, {
  'CosmosRosterRepository on the embedded server': onFresh(
    CONTAINERS.roster,
    (c) => new CosmosRosterRepository(c),
  ),
  MemoryRosterRepository: inMemory(() => new MemoryRosterRepository()),
});

describeEach(describeReferralCaseContract, {
  'CosmosReferralCaseRepository on the embedded server': onFresh(
    CONTAINERS.referralCases,
    (c) => new CosmosReferralCaseRepository(c, 3600),
  ),
  MemoryReferralCaseRepository: inMemory(() => new MemoryReferralCaseRepository()),
});

describeEach(describeReferrerFeedbackContract, {
  'CosmosReferrerFeedbackRepository on the embedded server': onFresh(
    CONTAINERS.referrerFeedback,
    (c) => new CosmosReferrerFeedbackRepository(c),
  ),
  MemoryReferrerFeedbackRepository: inMemory(() => new MemoryReferrerFeedbackRepository()),
});
