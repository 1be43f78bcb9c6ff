import { DEFAULT_DOUBT_CUES, type DoubtCues } from './doubt-cues';
import type { RiskCategory } from './risk-categories';
import { DEFAULT_VITAL_SIGNS, type VitalSignRule } from './vital-sign-rules';

/**
 * What the risk net listens for, as data. Phrases are written in the little language of
 * phrase-patterns.ts: words, `(a|b)` choices (an empty choice is optional) and `...` for up to
 * three other words. Typos in words of 8 letters or more are tolerated (fuzzy-words.ts), so only
 * common misspellings of shorter words are listed.
 *
 * The vocabulary errs towards escalating: a benign phrase that is flagged costs the referrer one
 * tap; a risk that is missed is a patient safety incident. A PCN can add phrases
 * (`risk.extraPhrases`) but never remove one of these.
 */
export interface RiskVocabulary {
  /** Plain mentions: each is a risk of its category unless negated, hedged or past. */
  readonly phrases: Readonly<Record<RiskCategory, readonly string[]>>;
  /**
   * Wording that is a risk as often as not ("some bruising", "hurt himself", "very unwell"):
   * at most `uncertain`, so the referrer is asked, never routed on these words alone.
   */
  readonly askFirst: Readonly<Partial<Record<RiskCategory, readonly string[]>>>;
  /**
   * Benign wording that contains a risk phrase ("cost of living crisis", "works in
   * safeguarding", "cutting down"): a risk phrase wholly inside one of these is not a mention.
   */
  readonly benignLookAlikes: readonly string[];
  /** Real words one edit from a risk word, never read as its typo ("overdone", "cruising"). */
  readonly notTypos: readonly string[];
  /** Numbers that are an emergency by themselves ("sats 85%"), always `acute`. */
  readonly vitalSigns: readonly VitalSignRule[];
  /** What makes a mention negated, hedged or past, so that it is confirmed rather than routed. */
  readonly doubt: DoubtCues;
  /** Words that end a clause as "." does. */
  readonly clauseBreakWords: readonly string[];
}

const THEIR = '(his|her|their|my)';
const SELF = '(himself|herself|themselves|themself|myself)';
const THEM = '(him|her|them|me)';
/** Someone else a person might hurt, or be hurt by. */
const PERSON =
  '(neighbour|neighbours|neighbor|partner|wife|husband|ex|girlfriend|boyfriend|mum|mother|dad|father|son|daughter|child|children|kids|baby|brother|sister|family|carer|boss|colleague|colleagues|flatmate)';
/** Other people, by themselves: "hurt someone", "attack staff". */
const OTHERS =
  '(someone|somebody|anyone|anybody|people|others|other people|everyone|staff|reception|receptionist|receptionists)';
/** Other people after "the": "stab the receptionist". */
const THE_OTHERS =
  '(neighbour|neighbours|neighbor|staff|doctor|gp|nurse|receptionist|receptionists|kids|children|baby|police|landlord)';
const VIOLENCE_VERB = '(kill|hurt|harm|attack|stab|hit|punch|beat|shoot|strangle|assault)';
/** Words of intent before a violent verb; "he'll" is read as "hell" (apostrophes are dropped). */
const INTENT =
  '(threat|threats|threaten|threatened|threatening|threatens|wants|wanted|want|going|gonna|will|hell|shell|theyll|intends|intend|planning|plans|urges|urge|thoughts|thinking)';
const CHILD = '(child|children|kids|kid|baby|babies|grandchildren|grandkids|young person|teenager)';
const ABUSER =
  '(partner|husband|wife|boyfriend|girlfriend|son|daughter|carer|family|mum|mother|dad|father|relative|ex)';

export const DEFAULT_RISK_PHRASES: Readonly<Record<RiskCategory, readonly string[]>> = {
  suicide: [
    'suicide',
    'suicidal',
    'suicidality',
    'suicidal (thoughts|ideation|ideas|feelings|intent|plans)',
    'si',
    'passive si',
    'sucide',
    'suicde',
    'suiside',
    'suicid',
    'sucidal',
    'suicidle',
    'suicidel',
    'suisidal',
    `(end|ending|ended|take|taking|took) ${THEIR} (own|) life`,
    `(kill|killing|killed|kills) ${SELF}`,
    `(hang|hanging|hanged) ${SELF}`,
    '(end|ending) it all',
    'thoughts of ending',
    "(doesn't|don't|didn't|does not|do not|not) want to (live|be alive|be here|go on|wake up)",
    '(not|no longer) wanting to (live|be alive|be here|go on|wake up)',
    'no longer (wants|want) to (live|be alive|be here)',
    '(wants|want|wanted|wanting) to die',
    '(wish|wishes|wished|wishing) (he|she|they|i) (was|were|is|could be) dead',
    'better off (dead|without)',
    '(no reason|nothing) to live for',
    'no reason to live',
    '(tired of|sick of) (living|life|being alive)',
    "(life|it) (isn't|is not|not) worth living",
    'overdose',
    'overdosed',
    'overdosing',
    'overdoses',
    'took tablets',
    '(an|took|taken|had|deliberate|intentional|another|large|big|paracetamol|medication|drug) od',
    'od (on|of|with|last|yesterday|today|this|at|again|overnight)',
    'took (a lot of|lots of|loads of|too many|a handful of|a bottle of|a box of|a packet of) (tablets|pills|meds|medication|paracetamol)',
    `took all ${THEIR} (tablets|pills|meds|medication)`,
    '(stockpiling|stockpiled|stockpile|hoarding|hoarded|saving up) ... (tablets|pills|meds|medication|medicines|paracetamol)',
    'ligature',
    'noose',
    'jump (off|from) (a|the) (bridge|building|roof|cliff)',
    'in front of a (train|car|bus|lorry)',
    'suicide (plan|attempt|note)',
    `(has|made|making|got) a plan to (end|kill|die|take)`,
  ],
  'self-harm': [
    'self harm',
    'self harming',
    'self harmed',
    'self harms',
    'selfharm',
    'selfharming',
    'self injury',
    'self injuring',
    'self injurious',
    'self inflicted',
    'self harn',
    'slef harm',
    'dsh',
    '(sh|dsh) (again|daily|weekly|recently|over|since|this|last|yesterday|today|episode|episodes|thoughts|risk)',
    'cutting',
    `(cutting|cut|cuts|burning|burnt|burned|burns|harming|harm|harmed|harms|scratching|scratched|scratches|starving|mutilating|strangling|choking) ${SELF}`,
    `(cutting|cut|cuts|slashing|slashed|scratching|burning|burnt) ${THEIR} (arm|arms|wrist|wrists|leg|legs|thigh|thighs|skin|stomach)`,
    'fresh (cuts|marks|wounds|scars|burns)',
  ],
  'harm-to-others': [
    'harm to others',
    '(harm|harming|hurt|hurting|kill|killing|attack|attacking) (others|other people)',
    'risk to others',
    'thoughts of (harming|hurting|killing|attacking)',
    `${INTENT} ... ${VIOLENCE_VERB} ${THEM}`,
    `${VIOLENCE_VERB} ${OTHERS}`,
    `${VIOLENCE_VERB} ${THEIR} ${PERSON}`,
    `${VIOLENCE_VERB} the ${THE_OTHERS}`,
    `(threat|threats|threatened|threatening|threatens) (to|against) ${VIOLENCE_VERB}`,
    '(made|making|makes) threats',
    'threats (to|against)',
    'threatening (behaviour|behavior)',
    `(threatened|threatens|threatening) ${OTHERS}`,
    `(threatened|threatens|threatening) ${THEIR} ${PERSON}`,
    `(threatened|threatens|threatening) the ${THE_OTHERS}`,
    'violent',
    'violence',
    '(physically|verbally) (aggressive|violent)',
    'aggressive (towards|to|with)',
    'homicidal',
    'homicide',
    'knife',
    'knives',
    'machete',
    'weapon',
    'weapons',
    'gun',
    'firearm',
  ],
  'mental-health-crisis': [
    'mental health crisis',
    '(mh|mental) crisis',
    'in crisis',
    'crisis team',
    'home treatment team',
    'psychosis',
    'psychotic',
    'psycosis',
    'psycotic',
    '(hearing|hears|heard|hear) voices',
    'voices (telling|saying|talking)',
    'command hallucinations',
    'hallucinations',
    'hallucinating',
    'paranoia',
    'delusional',
    'delusions',
    'manic',
    'mania',
    'hypomanic',
    'hypomania',
    'acutely unwell mentally',
    'mentally acutely unwell',
    'acutely (unwell|ill) with ... mental',
    'acute mental',
    'catatonic',
    'sectioned',
    'sectioning',
    'mental health act',
    'section (2|3|136|135)',
  ],
  safeguarding: [
    'safeguarding',
    'safegaurding',
    'safe guarding',
    'safeguarding (concern|concerns|issue|issues|referral)',
    'abuse',
    'abused',
    'abusing',
    'abusive',
    '(physical|sexual|emotional|financial|psychological|domestic|elder|verbal) abuse',
    'domestic violence',
    'domestic abuse',
    'dv',
    'dva',
    'ipv',
    'intimate partner violence',
    'coercive control',
    'coercive',
    'coercion',
    'controlling (partner|husband|wife|boyfriend|girlfriend|relationship|behaviour|behavior|son|daughter)',
    `${ABUSER} ... controlling`,
    `(checks|checking|monitors|monitoring|reads|goes through|controls) ${THEIR} (phone|messages|texts|emails)`,
    `(controls|controlling|takes|taking|took|has taken|keeps|stealing|steals|stole) ${THEIR} (money|pension|benefits|bank card|cards|finances)`,
    '(controls|controlling) (all|) (the|his|her|their|my) (money|finances|bank account|bank cards|benefits)',
    "(won't|will not|doesn't|does not|wouldn't) let (her|him|them) (have|see|go|leave|speak|talk|out|use|work|drive|access)",
    'decides where (she|he|they) can go',
    "(isn't|is not|not|never) allowed (out|to go out|to leave|to go anywhere)",
    "(isn't|is not|not|never) allowed to see ... (friends|family)",
    '(neglect|neglected|neglecting|neglectful)',
    'self neglect',
    'self neglecting',
    'unexplained (bruises|bruising|bruise|injuries|injury|marks|burns|fractures|fracture)',
    '(injuries|injury|bruises|bruising|marks) explained by',
    `${ABUSER} (explains|explained|explaining) ... (injuries|injury|bruises|bruising|marks)`,
    'walked into (a|the) (door|wall)',
    'does all the talking',
    '(never|not) (seen|sees) alone',
    `(never|not) (seen|sees) on ${THEIR} own`,
    `${CHILD} ... at risk`,
    `(risk|danger) to (the|a|his|her|their|my|) ${CHILD}`,
    `${ABUSER} ... (threatened|threatens|threatening) (her|him|them|me)`,
    `worried (about|for) the ${CHILD}`,
    'child protection',
    'cp plan',
    'section 47',
    'fgm',
    'female genital mutilation',
    'modern slavery',
    'slavery',
    'trafficked',
    'trafficking',
    'exploitation',
    'county lines',
    'cuckooing',
    '(being|been) groomed',
    'forced marriage',
    'honour based',
    '(hits|hit|hitting|beats|beat|beating|beaten|punches|punched|kicks|kicked|slaps|slapped|strangled|strangles|strangling|chokes|choked|choking|pushes|pushed|shoves) (him|her|them|me)',
    'beaten up',
    `(hit|beaten|attacked|assaulted|hurt) by ${THEIR} ${ABUSER}`,
    'strangulation',
    'rape',
    'raped',
    'sexual assault',
    'sexually assaulted',
    'assaulted',
    'stalking',
    'stalked',
    "(not|isn't|doesn't feel) safe at home",
    'unsafe at home',
    `(scared|frightened|afraid|terrified) of ${THEIR} ${ABUSER}`,
  ],
  acute: [
    'chest (pain|pains|tightness)',
    'tight chest',
    '(pain|pains|tightness|pressure|heaviness) in (his|her|their|my|the) chest',
    'crushing (chest|pain)',
    'having a heart attack',
    'stemi',
    'nstemi',
    'acs',
    'stroke (signs|symptoms)',
    '(signs|symptoms) of (a|) stroke',
    '(having|had) a stroke (now|today|this morning|just now)',
    'having a stroke',
    '(possible|suspected|new|acute|query) stroke',
    '?stroke',
    '?cva',
    'fast (positive|ve|test positive|signs)',
    'positive fast',
    'facial (droop|drooping|weakness|palsy)',
    '(face|mouth|smile) ... (drooping|droop|droopy|dropped)',
    '(drooping|droopy) (face|mouth)',
    'arm (weakness|weak|is weak)',
    'weak arm',
    'weakness (down|in|on) (one|the|his|her|their|left|right) (side|arm|leg)',
    '(sudden|one sided|left sided|right sided) (weakness|numbness)',
    'slurred speech',
    'speech (slurred|slurring)',
    'slurring',
    'new confusion',
    'acute confusion',
    '(acutely|newly|suddenly) confused',
    'delirium',
    'delirious',
    "(can't|cant|cannot|can not|unable to|struggling to|struggles to|difficulty) (breathe|breath|breathing)",
    'difficulty breathing',
    `(can't|cannot) catch ${THEIR} breath`,
    'breathing difficulty',
    '(short of breath|sob|breathless|breathlessness) at rest',
    "(can't|cannot|unable to) (complete|finish) (sentences|a sentence|her sentences|his sentences)",
    'struggling to (talk|speak)',
    "(can't|cannot|unable to|not) (talk|talking|speak|speaking) in (full|complete) sentences",
    'stridor',
    '(blue|grey) lips',
    'lips ... blue',
    'cyanosed',
    'cyanotic',
    'collapse',
    'collapsed',
    'collapsing',
    'unconscious',
    'unresponsive',
    '(passed|blacked) out',
    '(loss of|lost) consciousness',
    'having a seizure',
    'status epilepticus',
    'sepsis',
    'septic',
    'neutropenic',
    'meningitis',
    'non blanching rash',
    'mottled',
    'mottling',
    'rigors',
    'rapidly (worsening|deteriorating|getting worse)',
    '(worsening|deteriorating|getting worse) (rapidly|quickly|fast)',
    '(rapid|sudden|acute) deterioration',
    'deteriorated (today|overnight|rapidly|suddenly|quickly)',
    '(getting|got) worse by the (hour|minute)',
    '(worse|worsening) by the (hour|minute)',
    'acutely (unwell|ill)',
    '(seriously|critically|extremely|severely|gravely) unwell',
    '(bleeding|bleed) (heavily|a lot)',
    '(uncontrolled|uncontrollable|massive) bleeding',
    "(won't|will not) stop bleeding",
    'haemorrhage',
    'hemorrhage',
    '(vomiting|coughing up|coughing) blood',
    'haematemesis',
    'anaphylaxis',
    'anaphylactic',
    '(throat|tongue|lips|lip) (swelling|swollen)',
    'swollen (throat|tongue|lips)',
    'ketones',
    'dka',
    'ketoacidosis',
    'thunderclap headache',
    'worst headache',
    'sudden (severe|onset) headache',
    '(new|sudden|acute) onset confusion',
    'severe (chest|abdominal|head) pain',
  ],
};

/** Wording that is a risk as often as not: asked about, never routed on by itself. */
export const DEFAULT_ASK_FIRST: Readonly<Partial<Record<RiskCategory, readonly string[]>>> = {
  suicide: ['od', 'o/d', 'stockpiling', "(can't|cannot|can not) go on"],
  'self-harm': [
    'sh',
    's/h',
    `(hurting|hurt|hurts|injuring|injured|hitting|hits|hit|punching|punched|biting) ${SELF}`,
  ],
  'mental-health-crisis': ['crisis', 'seeing things', 'hearing things', 'paranoid'],
  safeguarding: [
    'bruises',
    'bruising',
    'bruised',
    "(won't|will not|doesn't|does not|wouldn't) let (her|him|them)",
    `worried (about|for) (his|her|their|my) ${CHILD}`,
    'exploited',
    '(feels|feel|felt|feeling|being|been|was|is) threatened by',
  ],
  acute: [
    '(very|really) unwell',
    'deteriorating',
    'gasping',
    'heavy bleeding',
    '(getting|got|worse|worsening) ... by the day',
    'fast (negative|neg|test)',
    '(feels|feeling|felt) faint',
    'fainted',
    'fainting',
    '(confused|drowsy) and (confused|drowsy)',
  ],
};

export const DEFAULT_BENIGN_LOOK_ALIKES: readonly string[] = [
  // Money, home and life events called a crisis.
  '(cost of living|money|financial|housing|boiler|childcare|energy|fuel|car|midlife|mid life|identity|family|debt) crisis',
  'crisis (loan|loans|fund|grant|payment)',
  // The referrer's or the person's job or training, not a concern about them.
  '(works|worked|working|work|job|career|role) (in|for) safeguarding',
  'safeguarding (training|course|module|lead for|officer at|team at)',
  "(she's|he's|i'm|is|as|am) a safeguarding (lead|officer|nurse|manager|worker|practitioner|social worker)",
  '(level|lvl) (1|2|3|4) safeguarding',
  // Substances, not a person, abused.
  '(alcohol|substance|drug|drugs|solvent|laxative|steroid|opioid|codeine|benzo) abuse',
  'abuse of (alcohol|drugs|substances|codeine|laxatives)',
  'abuses (alcohol|drugs)',
  // "Cutting" down on things.
  'cutting (down|back|out|up|off|in|the|his|her|their|my|a|some|sugar|salt|carbs|fat|alcohol|calories|snacks|meat|bread|drinking|smoking)',
  // Dosing and anatomy shorthand that shares letters with a risk.
  '(mg|mcg|g|ml|units|unit|tablet|tablets|tab|tabs|capsule|capsules|dose|puff|puffs) od',
  'od (dose|dosing|and bd|or bd|bd|tds|qds|nocte|mane)',
  '(once daily|daily) od',
  'si joint',
  'si joints',
  'sh (lives|living|independent|ex smoker|non smoker|smoker|retired|works)',
  // Violence words used of other things.
  '(crisis|bills|prices|costs|living|it|this|that|debt|grief|loss|news|winter|situation|diagnosis|retirement|divorce) ... (hitting|hit|hits) (her|him|them|me) (hard|badly)',
  'violent (cough|coughing|vomiting|diarrhoea|headache|headaches|pain)',
  'knife and fork',
];

export const DEFAULT_NOT_TYPOS: readonly string[] = [
  // One edit from a single-word risk phrase (found against a British English word list).
  'overdone',
  'overdoes',
  'overdoing',
  'delicious',
  'painting',
  'tainting',
  'stacking',
  'staking',
  'stalling',
  'staling',
  'bottling',
  'blurring',
  'braising',
  'cruising',
  'bruisers',
  'slurping',
  'wrangled',
];

export const DEFAULT_CLAUSE_BREAK_WORDS: readonly string[] = [
  'but',
  'however',
  'although',
  'though',
  'whereas',
  'except',
];

export const DEFAULT_RISK_VOCABULARY: RiskVocabulary = {
  phrases: DEFAULT_RISK_PHRASES,
  askFirst: DEFAULT_ASK_FIRST,
  benignLookAlikes: DEFAULT_BENIGN_LOOK_ALIKES,
  notTypos: DEFAULT_NOT_TYPOS,
  vitalSigns: DEFAULT_VITAL_SIGNS,
  doubt: DEFAULT_DOUBT_CUES,
  clauseBreakWords: DEFAULT_CLAUSE_BREAK_WORDS,
};
