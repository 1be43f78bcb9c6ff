import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { recogniseCommand } from '../../../src/domain/commands';
import { checkIcons, fillTemplate, readPackageSettings } from '../../../scripts/app-package-checks';
import { decodeRgbaPng, encodePng } from '../../../scripts/png';
import { colourIcon, outlineIcon } from '../../../scripts/make-icons';

const ROOT = join(__dirname, '..', '..', '..');
interface BotEntry {
  botId: string;
  scopes: string[];
  commandLists: Array<{ scopes: string[]; commands: Array<{ title: string }> }>;
}

describe('the Teams app package settings and template', () => {
  it('lists, for each scope, only commands the bot understands', () => {
    const template = JSON.parse(
      readFileSync(join(ROOT, 'manifest', 'manifest.template.json'), 'utf8'),
    ) as { bots: BotEntry[] };
    const lists = template.bots[0]?.commandLists ?? [];
    expect(
      lists
        .map((l) => l.scopes)
        .flat()
        .sort(),
    ).toEqual(['groupChat', 'personal', 'team']);
    for (const list of lists) {
      for (const { title } of list.commands) {
        expect([title, recogniseCommand(title)]).not.toEqual([title, 'unknown']);
      }
    }
  });

  it('fills every placeholder, escaping values for JSON, and refuses one with no value', () => {
    expect(fillTemplate('{"name":"${{NAME}}"}', { NAME: 'St "Mary\'s" PCN' })).toBe(
      '{"name":"St \\"Mary\'s\\" PCN"}',
    );
    expect(() => fillTemplate('{"id":"${{MISSING}}"}', {})).toThrow(/\$\{\{MISSING\}\}/);
  });

  it('says which settings are missing or wrong, and what each one is', () => {
    const read = readPackageSettings({ BOT_DOMAIN: 'https://hwbc.example.org', TEAMS_APP_ID: '' });
    expect(read.ok).toBe(false);
    const problems = read.ok ? [] : read.problems;
    expect(problems).toContainEqual(
      expect.stringMatching(/^TEAMS_APP_ID: not set \(the Teams app id/),
    );
    expect(problems).toContainEqual(expect.stringMatching(/^MicrosoftAppId: not set/));
    expect(problems).toContainEqual(expect.stringMatching(/^BOT_DOMAIN: a host name such as/));
  });
});

describe('the app icons', () => {
  it('the committed icons are what the generator draws, at the sizes Teams requires', () => {
    const colour = readFileSync(join(ROOT, 'manifest', 'color.png'));
    const outline = readFileSync(join(ROOT, 'manifest', 'outline.png'));
    expect(checkIcons(colour, outline)).toEqual([]);
    expect(decodeRgbaPng(colour).pixels).toEqual(colourIcon().pixels);
    expect(decodeRgbaPng(outline).pixels).toEqual(outlineIcon().pixels);
  });

  it('refuses an outline icon that is coloured or has no transparent background', () => {
    const colour = readFileSync(join(ROOT, 'manifest', 'color.png'));
    const solidBlue = encodePng({
      width: 32,
      height: 32,
      pixels: new Uint8Array(32 * 32 * 4).map((_, i) => [0, 94, 184, 255][i % 4] ?? 0),
    });
    const problems = checkIcons(colour, solidBlue);
    expect(problems).toContainEqual(expect.stringMatching(/white on transparent/));
    expect(problems).toContainEqual(expect.stringMatching(/transparent background/));
    const tooBig = encodePng(colourIcon());
    expect(checkIcons(tooBig, tooBig)).toContainEqual(
      expect.stringMatching(/outline.png must be 32x32 pixels, not 192x192/),
    );
  });
});
