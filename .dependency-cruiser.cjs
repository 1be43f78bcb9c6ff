/**
 * The layer rules of docs/architecture.md, checked in `npm test` (npm run lint:layers).
 * bot -> dialogs (routes only) -> cards, domain; jobs -> domain, store; store -> domain.
 */

/** The rule that one feature folder under `root` never imports another. */
const foldersApart = (name, root) => ({
  name,
  comment: `One feature folder of ${root} never imports another.`,
  severity: 'error',
  from: { path: `^${root}/([^/]+)/` },
  to: { path: `^${root}/[^/]+/`, pathNot: `^${root}/$1/` },
});

module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment: 'src/domain imports nothing of ours outside src/domain.',
      severity: 'error',
      from: { path: '^src/domain/' },
      to: { path: '^src/', pathNot: '^src/domain/' },
    },
    {
      name: 'domain-no-frameworks',
      severity: 'error',
      from: { path: '^src/domain/' },
      to: { path: 'node_modules/(botbuilder|botframework-|@azure/|restify|adaptivecards)' },
    },
    {
      name: 'store-no-botbuilder',
      comment: 'Repositories know Cosmos DB, never botbuilder, and never the features.',
      severity: 'error',
      from: { path: '^src/store/' },
      to: {
        path: ['node_modules/(botbuilder|botframework-)', '^src/(bot|dialogs|cards|jobs)/'],
      },
    },
    foldersApart('features-apart', 'src/dialogs'),
    foldersApart('card-folders-apart', 'src/cards'),
    {
      name: 'bot-reaches-features-by-routes',
      comment: 'The edge reaches a feature only through its route table.',
      severity: 'error',
      from: { path: '^src/bot/' },
      to: { path: '^src/dialogs/[^/]+/', pathNot: '\\.routes\\.ts$' },
    },
    {
      name: 'features-below-the-edge',
      comment: 'Features and cards never import the edge, the jobs or the Cosmos implementations.',
      severity: 'error',
      from: { path: '^src/(dialogs|cards)/' },
      to: { path: ['^src/bot/', '^src/jobs/', '^src/store/.*cosmos', '^src/app\\.ts$'] },
    },
    {
      name: 'cards-below-features',
      severity: 'error',
      from: { path: '^src/cards/' },
      to: { path: ['^src/dialogs/', '^src/store/'] },
    },
    {
      name: 'jobs-below-the-edge',
      severity: 'error',
      from: { path: '^src/jobs/' },
      to: { path: ['^src/bot/', '^src/dialogs/', '^src/cards/'] },
    },
    {
      name: 'nothing-imports-index',
      severity: 'error',
      from: {},
      to: { path: '^src/index\\.ts$' },
    },
    {
      name: 'only-index-imports-app',
      comment: 'Inside src, only index.ts builds the app; the tests may too.',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/index\\.ts$' },
      to: { path: '^src/app\\.ts$' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '^dist/' },
  },
};
