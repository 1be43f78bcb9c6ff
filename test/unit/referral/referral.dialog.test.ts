import { ConversationState, MemoryStorage, type Activity } from 'botbuilder';
import { DialogTestClient } from 'botbuilder-testing';
import { ReferralDialog } from '../../../src/dialogs/referral/referral.dialog';
import { openingReader } from '../../../src/domain/referral/language/opening-read';
import { fixedClock } from '../../../src/domain/clock';
import { RoleDirectory } from '../../../src/domain/roles';
import { CONTAINERS } from '../../../src/store/containers';
import { MemoryContainer } from '../../../src/store/memory/memory-container';
import { MemoryReferralRecordRepository } from '../../../src/store/memory/referral-record.memory-repository';
import { headlineOf, problemOf, questionIdOf, cardText } from '../../helpers/card-reading';
import { examplePcn } from '../../helpers/pcn';

const pcn = examplePcn();

function newClient(records = new MemoryReferralRecordRepository()): {
  client: DialogTestClient;
  records: MemoryReferralRecordRepository;
} {
  const state = new ConversationState(new MemoryStorage());
  const dialog = new ReferralDialog({
    pcn,
    records,
    roles: new RoleDirectory(pcn),
    clock: fixedClock('2026-11-23T10:00:00Z'),
    contactsReviewMonths: 6,
    lastReferral: state.createProperty<unknown>('lastReferral'),
    idleMinutes: 30,
    readOpening: openingReader(pcn),
  });
  return { client: new DialogTestClient('msteams', dialog, undefined, [], state), records };
}

/** DialogTestClient's replies, typed. */
async function say(
  client: DialogTestClient,
  input: string | Partial<Activity>,
): Promise<Partial<Activity>> {
  return (await client.sendActivity(input)) as Partial<Activity>;
}

function nextReply(client: DialogTestClient): Partial<Activity> {
  return client.getNextReply();
}

/** A card button press: the payload Teams sends as activity.value. */
function submit(value: Record<string, unknown>): Partial<Activity> {
  return { type: 'message', value };
}

type Step = [input: string | Partial<Activity>, expected: string];

/** Run a transcript; "q:<id>" expects that question next, "h:<text>" an outcome headline containing text. */
async function run(client: DialogTestClient, steps: Step[]): Promise<void> {
  let reply = await say(client, 'refer');
  expect(questionIdOf(reply)).toBe('redFlag');
  for (const [input, expected] of steps) {
    reply = await say(client, input);
    if (expected.startsWith('q:')) {
      expect({ input, question: questionIdOf(reply) }).toEqual({
        input,
        question: expected.slice(2),
      });
    } else {
      expect(headlineOf(reply)).toContain(expected.slice(2));
    }
  }
}

describe('referral dialog: every route, typed answers', () => {
  it.each<[string, Step[]]>([
    ['urgent on a red flag', [['yes', 'h:Act now']]],
    [
      'under age',
      [
        ['no', 'q:adult'],
        ['16', 'h:No referral'],
      ],
    ],
    [
      'not registered',
      [
        ['no', 'q:adult'],
        ['yes', 'q:practice'],
        ['not registered', 'h:No referral'],
      ],
    ],
    [
      'coach',
      [
        ['no', 'q:adult'],
        ['yes', 'q:practice'],
        ['Riverside Surgery', 'q:conditions'],
        ['type 2 diabetes, high blood pressure', 'q:needs'],
        ['1', 'q:confidence'],
        ['a little confident', 'q:pamLevel'],
        ['not measured', 'q:consent'],
        ['yes', 'h:Health and Wellbeing Coach'],
      ],
    ],
    [
      'link worker',
      [
        ['no', 'q:adult'],
        ['yes', 'q:practice'],
        ['2', 'q:conditions'],
        ['none', 'q:needs'],
        ['loneliness', 'q:consent'],
        ['yes', 'h:Social Prescribing Link Worker'],
      ],
    ],
    [
      'care coordinator',
      [
        ['no', 'q:adult'],
        ['yes', 'q:practice'],
        ['3', 'q:conditions'],
        ['3', 'q:needs'],
        ['frailty', 'q:consent'],
        ['not asked yet', 'h:Care Coordinator'],
      ],
    ],
    [
      'declined coaching',
      [
        ['no', 'q:adult'],
        ['yes', 'q:practice'],
        ['1', 'q:conditions'],
        ['at risk', 'q:needs'],
        ['behaviour', 'q:confidence'],
        ['2', 'q:pamLevel'],
        ['skip', 'q:consent'],
        ['no', 'h:No referral'],
      ],
    ],
  ])('%s', async (_name, steps) => {
    await run(newClient().client, steps);
  });
});

describe('referral dialog: card answers', () => {
  it('reaches coach and link worker with button and checkbox submits', async () => {
    const { client, records } = newClient();
    await run(client, [
      [submit({ verb: 'referral.answer', questionId: 'redFlag', value: 'no' }), 'q:adult'],
      [submit({ verb: 'referral.answer', questionId: 'adult', value: 'yes' }), 'q:practice'],
      [
        submit({ verb: 'referral.answer', questionId: 'practice', value: 'Y00002' }),
        'q:conditions',
      ],
      [
        submit({ verb: 'referral.answer', questionId: 'conditions', choices: 'weight,low-mood' }),
        'q:needs',
      ],
      [
        submit({ verb: 'referral.answer', questionId: 'needs', choices: 'behaviour,social' }),
        'q:confidence',
      ],
      [submit({ verb: 'referral.answer', questionId: 'confidence', value: '2' }), 'q:pamLevel'],
      [
        submit({ verb: 'referral.answer', questionId: 'pamLevel', value: 'not-measured' }),
        'q:consent',
      ],
      [
        submit({ verb: 'referral.answer', questionId: 'consent', value: 'yes' }),
        'h:Health and Wellbeing Coach',
      ],
    ]);
    expect(client.dialogTurnResult.status).toBe('complete');
    expect(await records.listMonth('2026-11')).toEqual([
      {
        month: '2026-11',
        completedAt: '2026-11-23T10:00:00.000Z',
        practice: 'Y00002',
        outcome: 'refer',
        primaryRoute: 'hwbc',
        secondaryRoute: 'splw',
        declinedRoute: null,
        reasons: [
          'need-behaviour-change',
          'ltc-present',
          'low-activation',
          'need-social',
          'consent-given',
        ],
        askedBy: 'referrer',
      },
    ]);
  });

  it('reads a PAM button from a card sent before the options had their own values as the level', async () => {
    const { client } = newClient();
    await run(client, [
      ['no', 'q:adult'],
      ['yes', 'q:practice'],
      ['1', 'q:conditions'],
      ['1', 'q:needs'],
      ['1', 'q:confidence'],
      ['3', 'q:pamLevel'],
      // Level 4 is above the PCN's maximum for coaching, so no consent question follows.
      [submit({ verb: 'referral.answer', questionId: 'pamLevel', value: '4' }), 'h:No referral'],
    ]);
  });

  it('re-asks the current question when a button from an earlier card is pressed', async () => {
    const { client } = newClient();
    await say(client, 'refer');
    await say(client, 'no');
    await say(client, 'yes');
    const reply = await say(
      client,
      submit({ verb: 'referral.answer', questionId: 'adult', value: 'no' }),
    );
    expect(questionIdOf(reply)).toBe('practice');
    expect(problemOf(reply)).toMatch(/earlier question/);
  });

  it('an urgent-concern button from an earlier card always wins', async () => {
    const { client, records } = newClient();
    await say(client, 'refer');
    await say(client, 'no');
    await say(client, 'yes');
    const reply = await say(
      client,
      submit({ verb: 'referral.answer', questionId: 'redFlag', value: 'yes' }),
    );
    expect(headlineOf(reply)).toMatch(/Act now/);
    expect(client.dialogTurnResult.status).toBe('complete');
    expect((await records.listMonth('2026-11'))[0]).toMatchObject({ outcome: 'urgent' });
  });
});

describe('referral dialog: re-prompts, back, cancel, start over', () => {
  it('asks again, with the options, when an answer is not recognised', async () => {
    const { client } = newClient();
    await say(client, 'refer');
    const reply = await say(client, 'purple');
    expect(questionIdOf(reply)).toBe('redFlag');
    expect(problemOf(reply)).toMatch(/didn't recognise/);
    expect(cardText(reply)).toContain('No, none of these');
  });

  it('refuses an NHS number and asks the same question again', async () => {
    const { client } = newClient();
    await say(client, 'refer');
    await say(client, 'no');
    const reply = await say(client, '943 476 5919');
    expect(questionIdOf(reply)).toBe('adult');
    expect(problemOf(reply)).toMatch(/NHS number/);
  });

  it('"back" goes to the previous answered question, skipping ones not asked', async () => {
    const { client } = newClient();
    await run(client, [
      ['no', 'q:adult'],
      ['yes', 'q:practice'],
      ['1', 'q:conditions'],
      ['none', 'q:needs'],
      ['back', 'q:conditions'],
      ['hypertension', 'q:needs'],
      ['behaviour', 'q:confidence'],
      [submit({ verb: 'referral.back' }), 'q:needs'],
    ]);
  });

  it('"back" on the first question says there is nothing to go back to', async () => {
    const { client } = newClient();
    await say(client, 'refer');
    const reply = await say(client, 'back');
    expect(questionIdOf(reply)).toBe('redFlag');
    expect(problemOf(reply)).toMatch(/first question/);
  });

  it('"cancel" ends the dialog, saying nothing was kept, and stores no record', async () => {
    const stored = new MemoryContainer(CONTAINERS.referralRecords.partitionKey);
    const { client } = newClient(new MemoryReferralRecordRepository(stored));
    await say(client, 'refer');
    await say(client, 'no');
    const reply = await say(client, 'cancel');
    expect(reply.text).toMatch(/Cancelled/);
    expect(client.dialogTurnResult.status).toBe('complete');
    expect(stored.query(() => true)).toEqual([]);
  });

  it('the Cancel button works too', async () => {
    const { client } = newClient();
    await say(client, 'refer');
    const reply = await say(client, submit({ verb: 'referral.cancel' }));
    expect(reply.text).toMatch(/Cancelled/);
  });

  it('"start over" clears the answers and asks the first question again', async () => {
    const { client } = newClient();
    await say(client, 'refer');
    await say(client, 'no');
    await say(client, 'yes');
    const reply = await say(client, 'start over');
    expect(questionIdOf(reply)).toBe('redFlag');
    const next = await say(client, 'no');
    expect(questionIdOf(next)).toBe('adult');
  });

  it('"help" explains how to answer, then repeats the question', async () => {
    const { client } = newClient();
    await say(client, 'refer');
    const help = await say(client, 'help');
    expect(help.text).toMatch(/back/);
    expect(questionIdOf(nextReply(client))).toBe('redFlag');
  });
});
