import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  ConversationState,
  type TurnContext,
} from 'botbuilder';
import restify from 'restify';
import { createBotStateStorage } from '../src/bot/bot-state-storage';
import { openDatabase } from '../src/store/cosmos-database';
import { startEmbeddedCosmos } from '../src/store/embedded-cosmos';

/**
 * The bench's baseline: a bare botbuilder echo bot on the same storage as ours (the embedded
 * Cosmos-compatible server in-process, botbuilder-azure's CosmosDbPartitionedStorage for its
 * conversation state), on restify, answering /healthz. Nothing else.
 */
async function main(): Promise<void> {
  const embedded = await startEmbeddedCosmos();
  const connection = {
    endpoint: embedded.endpoint,
    key: embedded.key,
    database: 'echo',
    allowSelfSigned: true,
  };
  await openDatabase(connection);
  const state = new ConversationState(createBotStateStorage(connection));
  const turns = state.createProperty<number>('turns');
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
  const logic = async (context: TurnContext): Promise<void> => {
    if (context.activity.type === 'message') {
      const count = (await turns.get(context, 0)) + 1;
      await turns.set(context, count);
      await context.sendActivity(`echo ${count}: ${context.activity.text ?? ''}`);
    }
    await state.saveChanges(context);
  };
  const server = restify.createServer({ name: 'echo', handleUncaughtExceptions: false });
  server.use(restify.plugins.bodyParser({ mapParams: false }));
  server.get('/healthz', async (_req, res) => {
    res.json(200, { status: 'ok' });
    return Promise.resolve();
  });
  server.post('/api/messages', async (req, res) => {
    await adapter.process(req, res, logic);
  });
  server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
    const url = `http://127.0.0.1:${server.address().port}`;
    process.stdout.write(`${JSON.stringify({ event: 'listening', url })}\n`);
  });
}

main().catch((error: unknown) => {
  process.stderr.write(
    `echo bot failed: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
