import { scanForRisk, type RiskCategory, type RiskScan } from '../../../src/domain/risk/risk-net';
import { answerEntries, openingEntries, riskEntries } from '../../helpers/referral-language';

/**
 * The risk net against the labelled corpus (test/fixtures/referral-language). The safety rule:
 * every risk mentioned in words reaches the urgent route or a confirm question, 100% of the
 * time. Benign wording may be flagged (one tap), within the bounds below.
 */

interface Labelled {
  id: string;
  text: string;
  risk: RiskCategory;
  negated: boolean;
}

const risks = riskEntries();
const openings = openingEntries();
const labelled: Labelled[] = [
  ...risks.flatMap((e) =>
    e.risk === null ? [] : [{ id: e.id, text: e.text, risk: e.risk, negated: e.riskNegated }],
  ),
  ...openings.flatMap((e) =>
    e.expect.risk === undefined
      ? []
      : [
          {
            id: e.id,
            text: e.text,
            risk: e.expect.risk,
            negated: e.expect.riskNegated === true,
          },
        ],
  ),
];
const lookAlikes = risks.filter((e) => e.risk === null);
const benignOpenings = openings.filter((e) => e.expect.risk === undefined);
const answers = answerEntries();

const flagged = (scan: RiskScan): boolean => scan.kind !== 'none';
const describeScan = (scan: RiskScan): string =>
  scan.kind === 'none' ? 'none' : `${scan.kind} ${scan.categories.join(', ')}`;

const report: string[] = [];
afterAll(() => {
  // The figures the clinical safety case quotes; printed once per run.
  console.log(`Risk net against the corpus\n${report.join('\n')}`);
});

describe('risk net: every labelled risk is caught', () => {
  it.each(labelled.filter((e) => !e.negated).map((e) => [e.id, e] as const))(
    '%s plain: risk or uncertain, with its category',
    (_id, entry) => {
      const scan = scanForRisk(entry.text);
      expect(scan.kind).not.toBe('none');
      if (scan.kind !== 'none') {
        expect(scan.categories).toContain(entry.risk);
      }
    },
  );

  it.each(labelled.filter((e) => e.negated).map((e) => [e.id, e] as const))(
    '%s negated or hedged: never none, with its category',
    (_id, entry) => {
      const scan = scanForRisk(entry.text);
      expect(['risk', 'uncertain']).toContain(scan.kind);
      if (scan.kind !== 'none') {
        expect(scan.categories).toContain(entry.risk);
      }
    },
  );

  it('catches 100% of them, and asks rather than routes on most denials', () => {
    const scans = labelled.map((e) => ({ entry: e, scan: scanForRisk(e.text) }));
    const plain = scans.filter((s) => !s.entry.negated);
    const negated = scans.filter((s) => s.entry.negated);
    const caught = plain.filter(
      (s) => s.scan.kind !== 'none' && s.scan.categories.includes(s.entry.risk),
    );
    const routed = plain.filter((s) => s.scan.kind === 'risk');
    const confirmed = negated.filter((s) => s.scan.kind === 'uncertain');
    const negatedRouted = negated.filter((s) => s.scan.kind === 'risk');
    report.push(
      `  plain risks caught: ${caught.length}/${plain.length} (straight to the urgent route: ${routed.length})`,
      `  negated or hedged: ${negated.length - negated.filter((s) => s.scan.kind === 'none').length}/${negated.length} flagged; ${confirmed.length} asked to confirm, ${negatedRouted.length} routed (another risk plain in the same text): ${negatedRouted.map((s) => s.entry.id).join(', ')}`,
      `  plain risks only asked to confirm: ${plain
        .filter((s) => s.scan.kind === 'uncertain')
        .map((s) => s.entry.id)
        .join(', ')}`,
    );
    expect(caught).toHaveLength(plain.length);
    expect(negated.every((s) => s.scan.kind !== 'none')).toBe(true);
    // Most plain mentions are routed at once; a few ambiguous wordings are asked about.
    expect(routed.length / plain.length).toBeGreaterThanOrEqual(0.9);
    // Most denials get a confirm question rather than the urgent route.
    expect(confirmed.length / negated.length).toBeGreaterThanOrEqual(0.8);
  });
});

describe('risk net: benign wording', () => {
  it('flags at most 10% of the look-alikes in risks.json', () => {
    const hits = lookAlikes.filter((e) => flagged(scanForRisk(e.text)));
    report.push(
      `  look-alikes (risk: null) flagged: ${hits.length}/${lookAlikes.length}${hits.map((e) => `\n    ${e.id} ${describeScan(scanForRisk(e.text))}: ${e.text}`).join('')}`,
    );
    // The corpus's look-alikes were written to tempt the net. Erring towards escalating, a few
    // may be flagged (each costs the referrer one tap); more than 3 in 30 would be a vocabulary
    // that cries wolf, and referrers learn to tap through a warning that is usually wrong.
    expect(hits.length / lookAlikes.length).toBeLessThanOrEqual(0.1);
  });

  it('flags at most 2% of the openings without a risk', () => {
    const hits = benignOpenings.filter((e) => flagged(scanForRisk(e.text)));
    report.push(
      `  openings without a risk flagged: ${hits.length}/${benignOpenings.length}${hits.map((e) => `\n    ${e.id} ${describeScan(scanForRisk(e.text))}: ${e.text}`).join('')}`,
    );
    expect(hits.length / benignOpenings.length).toBeLessThanOrEqual(0.02);
  });

  it('reads "54F HTN wants to lose weight" and its kind as no risk', () => {
    expect(scanForRisk('54F HTN wants to lose weight')).toEqual({ kind: 'none' });
    expect(scanForRisk('54F HTN, wants to lose weight, worth a health coach?')).toEqual({
      kind: 'none',
    });
  });

  it('flags only the typed answers that name a risk', () => {
    const hits = answers.filter((e) => flagged(scanForRisk(e.text)));
    report.push(
      `  typed answers flagged: ${hits.length}/${answers.length}${hits.map((e) => `\n    ${e.id} (${e.question}) ${describeScan(scanForRisk(e.text))}: ${e.text}`).join('')}`,
    );
    // Every flagged answer is a "yes" (or an unsure) to the red-flag question that names the
    // risk; no answer to another question is flagged ("previous stroke", "at risk", "not at risk").
    for (const hit of hits) {
      expect(hit.question).toBe('redFlag');
      expect(hit.expect).toBe(true);
    }
    const namedRisks = ['ans-011', 'ans-014', 'ans-015', 'ans-019'];
    expect(hits.map((e) => e.id)).toEqual(namedRisks);
  });
});
