/**
 * The words the name rules need, as data. Capitalised words that are not names (weekdays,
 * clinical terms, places, roles) keep ordinary NHS text from being refused; titles and markers
 * say a name follows. All entries are lower case; the rules compare lower-cased words.
 */

/** A list written as words separated by white space. */
function words(list: string): string[] {
  return list.trim().split(/\s+/);
}

export interface TitleRule {
  /** The ways the title is written that mean a title ("MS" in capitals is multiple sclerosis). */
  readonly forms: readonly string[];
  /** "mr jones": after this title (written in lower or title case) a lower-case name counts. */
  readonly lowerCaseNameToo: boolean;
}

/**
 * Titles before a person's name. "miss" and "master" in lower case are ordinary words, and "dr"
 * is often "doctor" ("dr advised"), so only a capitalised word after those counts as a name.
 */
export const TITLES: readonly TitleRule[] = [
  { forms: ['Mr', 'MR', 'mr'], lowerCaseNameToo: true },
  { forms: ['Mrs', 'MRS', 'mrs'], lowerCaseNameToo: true },
  { forms: ['Mx', 'MX', 'mx'], lowerCaseNameToo: true },
  { forms: ['Ms', 'ms'], lowerCaseNameToo: false },
  { forms: ['Miss', 'MISS'], lowerCaseNameToo: false },
  { forms: ['Dr', 'DR', 'dr'], lowerCaseNameToo: false },
  { forms: ['Master', 'MASTER'], lowerCaseNameToo: false },
];

/** Capitalised words after a title that are not a name: "Master Class", "MR Tablets" (modified release). */
export const NOT_NAMES_AFTER_TITLE: ReadonlySet<string> = new Set(
  words(`
  monday tuesday wednesday thursday friday saturday sunday teams class tablet tablets capsule
  capsules release modified
`),
);

/** Markers that say the patient is named next: "patient Johnathan Smithers", "pt J Smithers". */
export const PATIENT_MARKERS: readonly string[] = ['patient', 'pt', 'client', 'service user'];

/** Labels that introduce a name: "name: ...", "patient name - ...". */
export const NAME_LABELS: readonly string[] = [
  'name',
  'full name',
  'first name',
  'last name',
  'surname',
  'forename',
  'patient name',
  'pt name',
  'client name',
];

/** Values after a name label that say there is no name. */
export const NO_NAME_VALUES: ReadonlySet<string> = new Set([
  'n/a',
  'na',
  'none',
  'unknown',
  'withheld',
  'redacted',
  'not given',
  'tbc',
]);

const WEEKDAYS = words(`
  monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri
  sat sun
`);

const MONTHS = words(`
  january february march april may june july august september october november december jan feb
  mar apr jun jul aug sep sept oct nov dec
`);

const TIME_AND_SCHEDULING = words(`
  today tomorrow yesterday tonight morning afternoon evening noon midday midnight week weeks
  weekly fortnight fortnightly month months monthly quarter quarterly year years yearly annual
  annually day days daily time date dates next last first second third fourth final every each
  start starting starts end ends from until till reminder reminders schedule scheduled
  rescheduled calendar diary agenda meeting meetings call calls teams zoom video phone telephone
  online virtual remote face supervision supervisions session sessions appointment appointments
  slot slots clinic clinics training workshop webinar course huddle catch check christmas easter
  bank holiday holidays half term ramadan eid diwali hanukkah vaisakhi new
`);

const CLINICAL = words(`
  type diabetes diabetic prediabetes pre-diabetes asthma copd hypertension obesity overweight
  weight loss management pain chronic acute mental physical health healthy wellbeing well-being
  wellness lifestyle living well better smoking stop cessation alcohol drugs blood pressure sugar
  heart failure disease kidney renal liver lung cancer stroke dementia memory depression anxiety
  stress low mood sleep frailty frail falls fall prevention programme programmes program pathway
  review reviews assessment plan planning personalised care activation measure level levels score
  test tests result results bloods scores referral referrals refer follow follow-up up education
  support self self-management medication medications medicine medicines prescription
  prescriptions screening vaccination vaccine vaccines flu covid covid-19 long condition
  conditions deficiency cell cells vitamin syndrome arthritis osteoarthritis fibromyalgia insulin
  cholesterol exercise activity physio diet nutrition eating food bank social prescribing
  isolation loneliness housing debt benefits carer carers safeguarding crisis urgent emergency
  routine primary secondary community integrated specialist services service talking therapies
  therapy counselling recovery rehab rehabilitation cardiac pulmonary respiratory musculoskeletal
  weight-loss participation safety experience liaison advice information leaflet record records
  access portal transport feedback forum voice outcome outcomes goal goals motivational
  interviewing coaching group groups one-to-one attended missed cancelled moved discharged closed
  open
`);

const COMMON_WORDS = words(`
  i a an the this that these those my our your his her their we you he she they it is are was
  were be been please can could would will met saw rang sent told asked gave took left went came
  made got let knows choice reference charter should shall might must do does did has have had
  not no yes ok okay thanks thank hi hello hey dear regards best kind cheers good great happy
  sorry also and but or so if when where why how what which who for to with at on in by of as
  after before about any all some both more less other another same here there now then soon
  again still just only note notes update updated seen see referred discussed agreed called spoke
  booked book rebook wants needs lives works patient patients pt client clients person people man
  woman male female lady gentleman adult adults older young family friend friends partner husband
  wife son daughter mum dad mother father team role roles card cards form report status log help
  yes-no option options room rooms number question questions answer reason reasons
`);

const ORGANISATIONS_AND_PRODUCTS = words(`
  nhs england scotland wales ireland northern uk britain british english welsh scottish irish
  yorkshire lancashire midlands london leeds bradford manchester birmingham sheffield liverpool
  bristol newcastle nottingham leicester wakefield kirklees calderdale humber cumbria kent essex
  surrey sussex devon cornwall microsoft teams outlook excel word powerpoint sharepoint onedrive
  office windows systmone emis web accurx ardens docman whatsapp youtube google zoom nhsmail pcn
  icb ics trust foundation council authority department board partnership network alliance
  federation healthwatch age concern mind macmillan citizens advice slimming world ww parkrun
  couch
`);

const PLACE_WORDS = words(`
  surgery surgeries practice practices centre centres center hospital infirmary general royal
  university college school academy library pharmacy chemist mosque temple gurdwara synagogue
  campus hub site building floor wing ward unit suite north south east west central upper lower
  medical healthcare st saint road rd street avenue ave lane drive crescent terrace square
  gardens parade grove mews estate station market memorial city town village leisure sports gym
  pool
`);

/** Title Case words of documents, forms and apps: "Sample Job Advert", "Personal Chat". */
const DOCUMENTS_AND_APPS = words(`
  sample example job jobs description title key task tasks advert interview scenario platform
  pack scheme roles framework share learn learning criteria spec draft version policy guidance
  guide toolkit template handbook summary overview contents chapter page action actions sets set
  skills values statement purpose duties aims scope background resources links contact contacts
  details hours salary band bands change location base pay contract welcome test demo pilot
  project data dashboard export search filter total totals mock chat chats channel channels
  private public agent agents playground bot bots app apps settings home menu save submit edit
  delete back done send post posts file files message messages list lists planner forms shifts
  copilot bookings
`);

/**
 * Capitalised words that are never read as part of a person's name. They also split a run of
 * capitalised words: "Riverside Surgery", "Type 2 Diabetes", "Group Supervision Monday".
 */
export const NOT_NAME_WORDS: ReadonlySet<string> = new Set([
  ...WEEKDAYS,
  ...MONTHS,
  ...TIME_AND_SCHEDULING,
  ...CLINICAL,
  ...COMMON_WORDS,
  ...ORGANISATIONS_AND_PRODUCTS,
  ...PLACE_WORDS,
  ...DOCUMENTS_AND_APPS,
]);

/**
 * Words that make a pair of capitalised words a place or a role, not a name ("Riverside House",
 * "Health Coach"), unless the pair starts with a known forename ("John Hall") or follows a title
 * or marker ("Mr Hall"). They are also common surnames, so they are not in NOT_NAME_WORDS.
 */
export const PLACE_AND_ROLE_WORDS: ReadonlySet<string> = new Set(
  words(`
  hall house court close way place park green hill wood woods field fields bridge church chapel
  castle lodge cottage farm mill moor vale view gate cross brook dale bank row walk valley rise
  heights fold croft garth heath common meadow meadows orchard grange manor lea side end top
  coach coaches nurse nurses doctor doctors gp gps pharmacist pharmacists navigator navigators
  receptionist manager lead leads leader director supervisor worker workers link prescriber
  physiotherapist dietitian dietician practitioner paramedic assistant administrator admin
  coordinator co-ordinator clinician consultant registrar partner partners advisor adviser
  champion volunteer officer therapist counsellor psychologist midwife visitor porter mason baker
  cook carpenter
`),
);

/**
 * Forenames common in England across many communities. A pair of capitalised words that starts
 * with one is a name even when the second word is also a place or role ("John Hall", "Jo Coach").
 * Names that are also ordinary words (Grace, Hope, May, Will, Mark) are left out.
 */
export const KNOWN_FORENAMES: ReadonlySet<string> = new Set(
  words(`
  aaliyah abdul adam ahmed aisha alan alex alice alison amanda amelia amir amy andrew angela ann
  anna anne anthony barbara ben brian carol caroline catherine charlotte chloe chris christine
  claire daniel david deborah denise dorothy edward elizabeth emily emma fatima gary george
  hannah harry helen ian imran jack james jane janet jasmine jason jean jennifer jo joan joanne
  john johnathan jonathan joseph julie karen kate kathleen keith kevin laura lisa louise lucy
  margaret maria mary matthew michael mohammed muhammad nadia nicola oliver olivia patricia paul
  peter priya rachel raj rebecca richard robert ruth sam samantha sandra sarah shabana sinead
  mohamed sharon simon sophie stephen steven susan thomas tom tracey usman victoria william
  yasmin zainab
`),
);

/**
 * Words after which a single capital letter is a label, not an initial: "Vitamin D Levels",
 * "Plan B", "Room C", "Hepatitis B Vaccine". So "Room J Smithers" is missed: the price of it.
 */
export const LETTER_LABEL_WORDS: ReadonlySet<string> = new Set(
  words(`
  vitamin vit hepatitis hep plan type group room option block ward step grade class part level
  band category section appendix table figure zone area wing floor unit bay bed site building
  gate door platform flat tier phase stage
`),
);

/** A capital letter and a word that are a term, not an initial and surname. */
export const LETTER_PHRASES: ReadonlySet<string> = new Set([
  'x ray',
  'x rays',
  't cell',
  't cells',
  'b cell',
  'b cells',
  'e coli',
  'h pylori',
  'c diff',
  'a level',
  'a levels',
  'o level',
  'u turn',
  't shirt',
]);

/**
 * Capitals that are clinical or NHS abbreviations, not a patient's initials, where initials and
 * a date together would otherwise be refused ("MDT 12/03/2026").
 */
export const ABBREVIATIONS: ReadonlySet<string> = new Set(
  words(`
  gp gps pcn hwbc splw arrs mdt icb ics nhs dob bmi bp htn copd ckd af msk ltc dna smi mh pam ons
  phq gad cbt iapt ae ooh utc ed ot slt hca anp acp cqc qof des ecg fbc lft tft cvd ihd mi tia
  chd pcos ibs oa ra ld adhd asd ptsd ocd cpn cmht spa rag kpi csv pdf it hr am pm uk eu faq ok
  tbc tba asap fyi nb ps re fw fwd cc wc dm ndpp dpp lwp ppg pals ipc sms mon tue wed thu fri sat
  sun jan feb mar apr may jun jul aug sep oct nov dec hc cc sp lw cd pcl ncm
`),
);
