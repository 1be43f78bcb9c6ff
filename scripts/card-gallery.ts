import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cardSamples } from '../test/fixtures/card-samples';
import { launchChromium } from './chromium';
import { ROOT } from './launch';

/**
 * `npm run gallery`: renders every card with the official Adaptive Cards renderer in Debian's
 * headless Chromium and writes docs/cards/*.png and docs/cards/README.md, so reviewers can see
 * the cards without Teams. The look approximates Teams' light theme; always check in Teams too.
 */
const OUT = join(ROOT, 'docs', 'cards');

const PAGE = `<!doctype html><html><head><meta charset="utf-8"><style>
  body { margin: 0; padding: 16px; background: #f5f5f5; font-family: "Segoe UI", "DejaVu Sans", sans-serif; }
  #card { width: 460px; background: #fff; border-radius: 6px; box-shadow: 0 1px 3px rgba(0,0,0,.2); overflow: hidden; }
  .ac-pushButton { border: 1px solid #c8c8c8; background: #fff; border-radius: 4px; padding: 6px 12px; font-weight: 600; color: #242424; cursor: pointer; }
  .ac-pushButton.style-positive { background: #5b5fc7; color: #fff; border-color: #5b5fc7; }
  .ac-input, .ac-input select, .ac-input input { font-family: inherit; }
  ul { margin: 4px 0; padding-left: 20px; }
  a { color: #5b5fc7; }
</style></head><body><div id="card"></div></body></html>`;

/** Just the Markdown a card may use (bold, links, bullet lists), as Teams renders it. */
function markdownScript(): string {
  return `
    AdaptiveCards.AdaptiveCard.onProcessMarkdown = function (text, result) {
      const escape = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
      const inline = (s) => escape(s).replace(/\\*\\*(.+?)\\*\\*/g, '<strong>$1</strong>').replace(/\\[(.+?)\\]\\((.+?)\\)/g, '<a href="$2">$1</a>');
      const lines = text.split('\\n');
      let html = '', inList = false;
      for (const line of lines) {
        if (line.startsWith('- ')) { if (!inList) { html += '<ul>'; inList = true; } html += '<li>' + inline(line.slice(2)) + '</li>'; }
        else { if (inList) { html += '</ul>'; inList = false; } html += (html ? '<br>' : '') + inline(line); }
      }
      if (inList) html += '</ul>';
      result.outputHtml = html; result.didProcess = true;
    };
    window.renderCard = function (json) {
      const card = new AdaptiveCards.AdaptiveCard();
      card.hostConfig = new AdaptiveCards.HostConfig({
        fontFamily: '"Segoe UI", "DejaVu Sans", sans-serif',
        spacing: { small: 4, default: 8, medium: 16, large: 20, extraLarge: 24, padding: 16 },
        actions: { maxActions: 6, actionsOrientation: 'horizontal', buttonSpacing: 8, spacing: 'default', actionAlignment: 'left' },
        containerStyles: {
          default: { backgroundColor: '#FFFFFF', foregroundColors: { default: { default: '#242424', subtle: '#616161' }, attention: { default: '#C4314B' }, accent: { default: '#5B5FC7' }, good: { default: '#237B4B' } } },
          emphasis: { backgroundColor: '#F0F0F0', foregroundColors: { default: { default: '#242424', subtle: '#616161' } } },
          good: { backgroundColor: '#E7F2DA' }, warning: { backgroundColor: '#FBF6D9' }, attention: { backgroundColor: '#FCF4F6' }, accent: { backgroundColor: '#E8EBFA' }
        }
      });
      card.parse(json);
      const element = card.render();
      const host = document.getElementById('card');
      host.replaceChildren(element);
    };`;
}

async function main(): Promise<void> {
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  const samples = cardSamples(ROOT);
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({
      viewport: { width: 520, height: 800 },
      deviceScaleFactor: 1,
    });
    await page.setContent(PAGE);
    await page.addScriptTag({
      path: join(ROOT, 'node_modules', 'adaptivecards', 'dist', 'adaptivecards.min.js'),
    });
    await page.addScriptTag({ content: markdownScript() });
    for (const sample of samples) {
      await page.evaluate((json) => {
        (globalThis as unknown as { renderCard: (card: unknown) => void }).renderCard(json);
      }, sample.content);
      await page.locator('#card').screenshot({ path: join(OUT, `${sample.name}.png`) });
    }
  } finally {
    await browser.close();
  }
  const index = [
    '# Card gallery',
    '',
    'Every Adaptive Card the bot sends, expanded with the example PCN configuration and rendered with the official',
    '`adaptivecards` renderer in headless Chromium (`npm run gallery`). Teams draws cards in its own theme, so spacing',
    'and fonts differ a little; the content and structure are the same.',
    '',
    ...samples.map((s) => `## ${s.title}\n\n![${s.title}](${s.name}.png)\n`),
  ].join('\n');
  writeFileSync(join(OUT, 'README.md'), index);
  process.stdout.write(`${samples.length} cards rendered to ${OUT}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `gallery failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
