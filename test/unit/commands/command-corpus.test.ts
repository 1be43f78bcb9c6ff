import { postHereCard, recogniseCommand } from '../../../src/domain/commands';
import { COMMAND_PHRASES } from '../../fixtures/command-phrases/command-phrases';

describe(`coach and lead commands as people type them (${COMMAND_PHRASES.length} labelled phrases, all read as labelled)`, () => {
  it.each(COMMAND_PHRASES)('"%s" -> %s', (text, expected) => {
    expect(recogniseCommand(text)).toBe(expected);
  });

  it('has phrases for every coach and lead command, and negative cases', () => {
    const labels = new Set(COMMAND_PHRASES.map(([, command]) => command));
    for (const command of [
      'supervision-mine',
      'supervision-setup',
      'supervision-record-past',
      'supervision-new',
      'supervision-team',
      'session-log',
      'caseload',
      'activity-report',
      'broadcast',
      'broadcast-here',
      'broadcast-list',
      'unknown',
      'referral',
    ] as const) {
      expect([command, labels.has(command)]).toEqual([command, true]);
    }
    expect(COMMAND_PHRASES.length).toBeGreaterThanOrEqual(100);
  });
});

describe('politeness around a phrase changes nothing', () => {
  it.each(COMMAND_PHRASES)('"%s" -> %s, with please or thanks', (text, expected) => {
    expect([
      recogniseCommand(`please ${text}`),
      recogniseCommand(`${text} please`),
      recogniseCommand(`${text}, thanks`),
    ]).toEqual([expected, expected, expected]);
  });
});

describe('"post the <card> here" names the card', () => {
  it.each([
    ['post the role card here', 'what'],
    ['post role cards here', 'what'],
    ['post the what a coach does card here', 'what'],
    ['post the how to refer card here', 'how'],
    ['please post the who to refer card here', 'who'],
    ['share the coach or link worker card in this channel', 'compare'],
    ['post the meet your coaches card here', 'coaches'],
    ['post the what to say to a patient card here', 'patient'],
  ])('"%s" -> %s', (text, card) => {
    expect(postHereCard(text)).toBe(card);
  });

  it('names no card for one that does not exist', () => {
    expect(recogniseCommand('post the lunch menu card here')).toBe('broadcast-here');
    expect(postHereCard('post the lunch menu card here')).toBeUndefined();
  });
});

describe('the words that act on an open dialog stay exact', () => {
  it.each([
    'I want to stop smoking',
    'back pain for years',
    'help with weight',
    'she wants to start over with her diet',
  ])('"%s" is not a dialog control', (text) => {
    expect(['cancel', 'restart', 'back', 'help']).not.toContain(recogniseCommand(text));
  });
});
