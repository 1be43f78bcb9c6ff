/**
 * How referrers write, as data: the English the readers need around the vocabulary (negations,
 * shorthand, spellings, other people), kept apart from what the words mean for a referral
 * (vocabulary.ts). Every entry is lower case, with apostrophes dropped ("doesn't" is "doesnt").
 */

/** Words that deny what follows them, within a short window. */
export const NEGATORS: ReadonlySet<string> = new Set([
  'no',
  'not',
  'non',
  'never',
  'without',
  'denies',
  'denied',
  'nil',
  'none',
  'neither',
  'nor',
  'isnt',
  'arent',
  'wasnt',
  'werent',
  'doesnt',
  'dont',
  'didnt',
  'hasnt',
  'havent',
  'hadnt',
  'wont',
  'wouldnt',
  'cant',
  'cannot',
  'couldnt',
  'shouldnt',
  'aint',
]);

/** How many words after a negator it still denies ("no diabetes or hypertension"). */
export const NEGATION_WINDOW = 3;

/**
 * People other than the patient. A condition named just after one of these is theirs ("carer for
 * her husband with dementia"), not the patient's.
 */
export const OTHER_PEOPLE: ReadonlySet<string> = new Set([
  'husband',
  'wife',
  'partner',
  'spouse',
  'mum',
  'mam',
  'mom',
  'mother',
  'dad',
  'father',
  'son',
  'daughter',
  'grandchildren',
  'grandson',
  'granddaughter',
  'grandmother',
  'grandfather',
  'brother',
  'sister',
  'sibling',
  'friend',
  'neighbour',
  'family',
  'fh',
  'fhx',
]);

/** Children are other people only when someone's ("her child"); "child with asthma" is the patient. */
export const OTHER_CHILDREN: ReadonlySet<string> = new Set(['child', 'children', 'kid', 'kids']);

/** How many words before a condition another person may be named. */
export const OTHER_PERSON_WINDOW = 5;

/**
 * Treatments and services other than coaching: "declined statins" or "refuses to engage with pulm
 * rehab" is not an answer about being contacted by a coach.
 */
export const OTHER_TREATMENTS: ReadonlySet<string> = new Set([
  'meds',
  'medication',
  'medications',
  'medicine',
  'medicines',
  'tablets',
  'pills',
  'statins',
  'statin',
  'insulin',
  'injections',
  'injection',
  'metformin',
  'inhaler',
  'inhalers',
  'physio',
  'physiotherapy',
  'rehab',
  'operation',
  'vaccine',
  'vaccination',
  'jab',
  'bloods',
  'scan',
  'screening',
  'smear',
  'dpp',
  'programme',
  'course',
  'classes',
  'counselling',
  'therapy',
  'therapies',
  'iapt',
]);

/** Words about being contacted or referred: "not keen on a call" is about coaching, whatever follows. */
export const CONTACT_WORDS: ReadonlySet<string> = new Set([
  'call',
  'calls',
  'calling',
  'called',
  'ring',
  'ringing',
  'rung',
  'phone',
  'contact',
  'contacted',
  'referral',
  'referred',
  'coach',
  'coaching',
  'hc',
  'hwbc',
  'hear',
  'speak',
  'talk',
  'chat',
  'seen',
]);

/** How many words after an answer about contact may name another treatment it is about. */
export const TREATMENT_WINDOW = 5;

/** Words that make "child" someone else's ("her child"). */
export const POSSESSIVES: ReadonlySet<string> = new Set([
  'her',
  'his',
  'their',
  'my',
  'our',
  'your',
  'familys',
]);

/** Measurements whose numbers are never ages ("BMI over 30", "under 4 specialties" is caught by range). */
export const MEASUREMENTS: ReadonlySet<string> = new Set([
  'bmi',
  'hba1c',
  'bm',
  'bms',
  'sats',
  'temp',
  'hr',
  'bp',
  'pam',
  'level',
  'egfr',
  'weight',
  'kg',
  'stage',
]);

/** American spellings, read as British ones. */
export const SPELLINGS: Readonly<Record<string, string>> = {
  behavior: 'behaviour',
  behaviors: 'behaviours',
  behavioral: 'behavioural',
  center: 'centre',
  centers: 'centres',
  counseling: 'counselling',
  fiber: 'fibre',
  apnea: 'apnoea',
  anemia: 'anaemia',
  edema: 'oedema',
  hemoglobin: 'haemoglobin',
  ischemic: 'ischaemic',
  pediatric: 'paediatric',
  orthopedic: 'orthopaedic',
  esophageal: 'oesophageal',
  celiac: 'coeliac',
  hyperglycemia: 'hyperglycaemia',
  program: 'programme',
  organization: 'organisation',
  mom: 'mum',
  neighbor: 'neighbour',
};

/** GP shorthand, read as the full word. */
export const SHORTHAND: Readonly<Record<string, string>> = {
  v: 'very',
  appts: 'appointments',
  appt: 'appointment',
  pt: 'patient',
  pts: 'patients',
  wld: 'would',
  wd: 'would',
  w: 'with',
  u: 'you',
  pls: 'please',
  plz: 'please',
  lvl: 'level',
  yrs: 'years',
  yr: 'year',
  mkt: 'market',
  okay: 'ok',
  thx: 'thanks',
  tho: 'though',
  ppl: 'people',
};

/** Words that never mean anything on their own, for "which words did you not recognise". */
export const STOP_WORDS: ReadonlySet<string> = new Set([
  'a',
  'an',
  'the',
  'she',
  'he',
  'shes',
  'hes',
  'they',
  'theyre',
  'her',
  'his',
  'him',
  'them',
  'their',
  'it',
  'its',
  'is',
  'are',
  'was',
  'be',
  'been',
  'has',
  'have',
  'had',
  'got',
  'with',
  'of',
  'for',
  'to',
  'and',
  'or',
  'at',
  'in',
  'on',
  'by',
  'from',
  'as',
  'patient',
  'patients',
  'person',
  'tbh',
  'i',
  'im',
  'think',
  'just',
  'also',
  'so',
  'really',
  'please',
  'thanks',
  'thankfully',
  'ok',
  'well',
  'some',
  'any',
  'own',
  'mainly',
  'mostly',
  'probably',
  'yet',
  'now',
  'though',
  'too',
  'them',
  'example',
  'eg',
  'etc',
  'this',
  'that',
  'these',
  'those',
  'one',
  'would',
  'like',
  'wants',
  'want',
  'needs',
  'need',
  'help',
  'support',
]);

/**
 * Words that are spelt like a vocabulary word but mean something else, so a misspelling is never
 * guessed for them ("lovely" is not "lonely").
 */
export const NEVER_FUZZY: ReadonlySet<string> = new Set([
  'career',
  'waking',
  'placing',
  'packing',
  'paying',
  'cancel',
  'hypotensive',
  'hypotension',
  'insulation',
  'insulated',
  'heath',
  'marked',
  'contracted',
  'benefit',
  'appointment',
  'cared',
  'fibre',
  'fibres',
]);

/** Abbreviations that count only in capitals: "MS" is multiple sclerosis, "ms" or "Ms" is not. */
export const EXACT_CASE: ReadonlySet<string> = new Set(['MS', 'DM', 'PAD', 'CAD']);
