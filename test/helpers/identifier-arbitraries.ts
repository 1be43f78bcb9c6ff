import fc from 'fast-check';
import type { DateTime } from 'luxon';
import type { IdentifierKind } from '../../src/domain/privacy/identifier-guard';

/**
 * fast-check generators of patient identifiers in the forms people write them, and of benign
 * clinical and scheduling text to hide them in. Used by the guard's property tests and by the
 * end-to-end test that submits them through every card field.
 */

export interface GeneratedIdentifier {
  kind: IdentifierKind;
  text: string;
}

const digit = fc.integer({ min: 0, max: 9 });

function checkDigit(nine: readonly number[]): number {
  const sum = nine.reduce((total, d, i) => total + d * (10 - i), 0);
  const check = 11 - (sum % 11);
  return check === 11 ? 0 : check;
}

/** Ten ASCII digits with a valid modulus 11 check digit, not one digit repeated. */
export const validNhsDigits: fc.Arbitrary<string> = fc
  .array(digit, { minLength: 9, maxLength: 9 })
  .filter((nine) => checkDigit(nine) !== 10 && new Set(nine).size > 1)
  .map((nine) => [...nine, checkDigit(nine)].join(''));

/** Ten digits whose check digit is wrong. */
export const wrongCheckNhsDigits: fc.Arbitrary<string> = fc
  .tuple(fc.array(digit, { minLength: 9, maxLength: 9 }), fc.integer({ min: 1, max: 9 }))
  .filter(([nine]) => checkDigit(nine) !== 10 && new Set(nine).size > 1)
  .map(([nine, offset]) => [...nine, (checkDigit(nine) + offset) % 10].join(''));

/** The zero of each script's decimal digits: ASCII, full-width, Arabic-Indic, Persian, ... */
export const DIGIT_ZEROS: readonly number[] = [
  0x30, 0xff10, 0x660, 0x6f0, 0x966, 0x9e6, 0xe50, 0x1d7ce, 0x1d7ec,
];

const toScript = (digits: string, zeros: readonly number[]): string =>
  [...digits]
    .map((d, i) => String.fromCodePoint((zeros[i % zeros.length] ?? 0x30) + Number(d)))
    .join('');

/** How people split ten digits: 3-3-4, 5-5, solid, one at a time. */
const GROUPINGS: readonly (readonly number[])[] = [
  [3, 3, 4],
  [5, 5],
  [10],
  [1, 1, 1, 1, 1, 1, 1, 1, 1, 1],
];

const SEPARATORS = [' ', '.', '/', '-', '_', '  ', ' - ', '\u00a0', '\u2009', '\u2013', '\u200b'];

/** Ten digits written in any grouping, with any separators, in any digit scripts. */
export function writtenTenDigits(digits: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc
    .record({
      digits,
      grouping: fc.constantFrom(...GROUPINGS),
      separators: fc.array(fc.constantFrom(...SEPARATORS), { minLength: 9, maxLength: 9 }),
      oneSeparator: fc.boolean(),
      zeros: fc.oneof(
        { weight: 3, arbitrary: fc.constant([0x30]) },
        {
          weight: 1,
          arbitrary: fc.array(fc.constantFrom(...DIGIT_ZEROS), { minLength: 1, maxLength: 3 }),
        },
      ),
    })
    .map(({ digits: ten, grouping, separators, oneSeparator, zeros }) => {
      const written = toScript(ten, zeros);
      const chars = [...written];
      let at = 0;
      return grouping
        .map((size, i) => {
          const group = chars.slice(at, at + size).join('');
          at += size;
          const separator = (oneSeparator ? separators[0] : separators[i]) ?? ' ';
          return i === 0 ? group : separator + group;
        })
        .join('');
    });
}

const NHS_LABELS = ['NHS no', 'NHS no.', 'NHS number', 'NHS number:', 'nhs no', 'NHS#', 'NHS'];

export const nhsNumber: fc.Arbitrary<GeneratedIdentifier> = fc
  .tuple(writtenTenDigits(validNhsDigits), fc.option(fc.constantFrom(...NHS_LABELS)))
  .map(([written, label]) => ({
    kind: 'nhs-number',
    text: label === null ? written : `${label} ${written}`,
  }));

/** Ten digits next to "NHS" with a wrong check digit: still refused. */
export const labelledNhsNumber: fc.Arbitrary<GeneratedIdentifier> = fc
  .tuple(fc.constantFrom(...NHS_LABELS), writtenTenDigits(wrongCheckNhsDigits))
  .map(([label, written]) => ({ kind: 'nhs-number', text: `${label} ${written}` }));

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

function ordinal(day: number): string {
  if (day % 10 === 1 && day !== 11) {
    return `${day}st`;
  }
  if (day % 10 === 2 && day !== 12) {
    return `${day}nd`;
  }
  if (day % 10 === 3 && day !== 13) {
    return `${day}rd`;
  }
  return `${day}th`;
}

const pad = (n: number): string => String(n).padStart(2, '0');

type DateFormat = (day: number, month: number, year: number) => string;

/** Written forms of a full date, British day first. */
export const DATE_FORMATS: readonly DateFormat[] = [
  (d, m, y) => `${d}/${m}/${y}`,
  (d, m, y) => `${pad(d)}/${pad(m)}/${y}`,
  (d, m, y) => `${pad(d)}.${pad(m)}.${y}`,
  (d, m, y) => `${d}-${m}-${y}`,
  (d, m, y) => `${y}-${pad(m)}-${pad(d)}`,
  (d, m, y) => `${d} ${MONTHS[m - 1] ?? ''} ${y}`,
  (d, m, y) => `${ordinal(d)} ${MONTHS[m - 1] ?? ''} ${y}`,
  (d, m, y) => `${MONTHS[m - 1] ?? ''} ${d}, ${y}`,
  (d, m, y) => `${MONTHS[m - 1] ?? ''} ${ordinal(d)} ${y}`,
  (d, m, y) => `${d} ${(MONTHS[m - 1] ?? '').slice(0, 3)} ${y}`,
  (d, m, y) => `${ordinal(d)} of ${MONTHS[m - 1] ?? ''}, ${y}`,
  (d, m, y) => `${pad(d)}-${(MONTHS[m - 1] ?? '').slice(0, 3)}-${y}`,
  (d, m, y) => `${pad(d)} ${pad(m)} ${y}`,
];

/** Two-digit years, for years 1940 to 1999: "12/03/50", "12.3.50", "12th Mar '50". */
const TWO_DIGIT_YEAR_FORMATS: readonly DateFormat[] = [
  (d, m, y) => `${pad(d)}/${pad(m)}/${pad(y % 100)}`,
  (d, m, y) => `${d}.${m}.${pad(y % 100)}`,
  (d, m, y) => `${ordinal(d)} ${(MONTHS[m - 1] ?? '').slice(0, 3)} '${pad(y % 100)}`,
];

const BIRTH_MARKERS = [
  'DOB',
  'DOB:',
  'dob',
  'd.o.b.',
  'D.O.B',
  'born',
  'born on',
  'date of birth',
  'Date of birth:',
];

interface CalendarDay {
  day: number;
  month: number;
  year: number;
}

const calendarDay = (fromYear: number, toYear: number): fc.Arbitrary<CalendarDay> =>
  fc.record({
    day: fc.integer({ min: 1, max: 28 }),
    month: fc.integer({ min: 1, max: 12 }),
    year: fc.integer({ min: fromYear, max: toYear }),
  });

/** A full date more than ten years before `now`, in any written form, perhaps after a marker. */
export function fullDateOfBirth(now: DateTime): fc.Arbitrary<string> {
  return fc.oneof(
    fc
      .tuple(calendarDay(1920, now.year - 11), fc.constantFrom(...DATE_FORMATS))
      .map(([{ day, month, year }, format]) => format(day, month, year)),
    fc
      .tuple(calendarDay(1940, 1999), fc.constantFrom(...TWO_DIGIT_YEAR_FORMATS))
      .map(([{ day, month, year }, format]) => format(day, month, year)),
  );
}

/** Dates of birth: old full dates, with or without a marker; any date or year after a marker. */
export function dateOfBirth(now: DateTime): fc.Arbitrary<GeneratedIdentifier> {
  const marked = fc.tuple(
    fc.constantFrom(...BIRTH_MARKERS),
    fc.oneof(
      fullDateOfBirth(now),
      calendarDay(1920, now.year + 1).map(({ day, month }) => `${day}/${month}`),
      calendarDay(1920, now.year - 1).map(({ year }) => String(year)),
      calendarDay(1920, now.year).map(
        ({ day, month }) => `${ordinal(day)} ${MONTHS[month - 1] ?? ''}`,
      ),
    ),
  );
  return fc
    .oneof(
      fullDateOfBirth(now),
      marked.map(([marker, date]) => `${marker} ${date}`),
    )
    .map((text) => ({ kind: 'date-of-birth', text }));
}

/** Forenames from many communities, some on the guard's list of known forenames, most not. */
export const FORENAMES: readonly string[] = [
  'Johnathan',
  'Edward',
  'Sarah',
  'Aarav',
  'Chidi',
  'Siobhan',
  'Zoë',
  'Łukasz',
  'Priya',
  'Olumide',
  'Niamh',
  'Dariusz',
  'Mei',
  'Tomasz',
  'Anika',
  'Kwame',
  'Ffion',
  'Rhys',
  'Ayesha',
  'Bartosz',
];

export const SURNAMES: readonly string[] = [
  'Smithers',
  'Jones',
  'Patel',
  'Khan',
  "O'Brien",
  'Smith-Jones',
  'McDonald',
  'Nowak',
  'Okafor',
  'Begum',
  'Wilson',
  'Kowalski',
  'Nguyen',
  'Evans',
  'Hughes',
  'Thompson',
  'Robinson',
  'Adeyemi',
  'Chowdhury',
  'Müller',
];

const forename = fc.constantFrom(...FORENAMES);
const surname = fc.constantFrom(...SURNAMES);
/** Initials, never "I" (the pronoun, which the guard does not read as an initial). */
const initial = fc.constantFrom(...'ABCDEFGHJKLMNOPRSTUWY'.split(''));
const dot = fc.constantFrom('', '.');

const TITLES = ['Mr', 'Mrs', 'Ms', 'Miss', 'Mx', 'Dr', 'Master', 'MR', 'MRS', 'DR'];

/** "Mr Edward Jones", "Mrs O'Brien", "Dr. A Patel". */
export const titledName: fc.Arbitrary<GeneratedIdentifier> = fc
  .tuple(
    fc.constantFrom(...TITLES),
    dot,
    fc.oneof(
      surname,
      fc.tuple(forename, surname).map(([f, s]) => `${f} ${s}`),
      fc.tuple(initial, dot, surname).map(([i, d, s]) => `${i}${d} ${s}`),
    ),
  )
  .map(([title, d, name]) => ({ kind: 'patient-name', text: `${title}${d} ${name}` }));

const PATIENT_MARKERS = ['patient', 'Patient', 'pt', 'Pt', 'pt:', 'patient:', 'client'];

/** "patient Johnathan Smithers", "pt J Smithers". */
export const markedName: fc.Arbitrary<GeneratedIdentifier> = fc
  .tuple(
    fc.constantFrom(...PATIENT_MARKERS),
    fc.oneof(
      forename,
      fc.tuple(forename, surname).map(([f, s]) => `${f} ${s}`),
      fc.tuple(initial, dot, surname).map(([i, d, s]) => `${i}${d} ${s}`),
    ),
  )
  .map(([marker, name]) => ({ kind: 'patient-name', text: `${marker} ${name}` }));

/** "J Smithers", "A. O'Brien". */
export const initialAndSurname: fc.Arbitrary<GeneratedIdentifier> = fc
  .tuple(initial, dot, surname)
  .map(([i, d, s]) => ({ kind: 'patient-name', text: `${i}${d} ${s}` }));

/** "Johnathan Smithers", "Aarav Chidi Okafor". */
export const forenameAndSurname: fc.Arbitrary<GeneratedIdentifier> = fc
  .tuple(forename, fc.option(forename), surname)
  .map(([f, middle, s]) => ({
    kind: 'patient-name',
    text: middle === null ? `${f} ${s}` : `${f} ${middle} ${s}`,
  }));

/** Initials that are not clinical abbreviations the guard lets through (GP, MDT, AF...). */
const INITIALS = ['JS', 'KW', 'PN', 'JRS', 'AB', 'TK', 'ZM', 'FH', 'JB'];

/** "JS 12 Mar 1950", "J Smithers 12/03/50". */
export function nameWithDate(now: DateTime): fc.Arbitrary<GeneratedIdentifier> {
  return fc
    .tuple(
      fc.oneof(
        fc.constantFrom(...INITIALS),
        fc.tuple(initial, surname).map(([i, s]) => `${i} ${s}`),
      ),
      fc.constantFrom(' ', ', ', ' - '),
      fullDateOfBirth(now),
    )
    .map(([name, joiner, date]) => ({ kind: 'patient-name', text: `${name}${joiner}${date}` }));
}

export const patientName: fc.Arbitrary<GeneratedIdentifier> = fc.oneof(
  titledName,
  markedName,
  initialAndSurname,
  forenameAndSurname,
);

const AREAS = [
  'LS',
  'BD',
  'HX',
  'WF',
  'YO',
  'M',
  'B',
  'L',
  'S',
  'E',
  'N',
  'SW',
  'SE',
  'NW',
  'EH',
  'G',
  'CF',
  'BT',
  'NE',
  'OX',
];
const LONDON_AREAS = ['SW', 'W', 'EC', 'WC', 'E', 'N', 'NW', 'SE'];
const INWARD_LETTERS = 'ABDEFGHJLNPQRSTUWXYZ'.split('');

/** "LS1 4AP", "SW1A 1AA", "bd74ln". */
export const postcode: fc.Arbitrary<GeneratedIdentifier> = fc
  .record({
    area: fc.constantFrom(...AREAS, ...LONDON_AREAS),
    district: fc.integer({ min: 1, max: 29 }),
    londonLetter: fc.option(fc.constantFrom('A', 'H', 'M', 'W')),
    inwardDigit: digit,
    inwardLetters: fc.tuple(fc.constantFrom(...INWARD_LETTERS), fc.constantFrom(...INWARD_LETTERS)),
    space: fc.constantFrom('', ' '),
    letterCase: fc.constantFrom('upper', 'lower', 'as-is'),
  })
  .map(({ area, district, londonLetter, inwardDigit, inwardLetters, space, letterCase }) => {
    const letter =
      londonLetter !== null && district < 10 && LONDON_AREAS.includes(area) ? londonLetter : '';
    const written = `${area}${district}${letter}${space}${inwardDigit}${inwardLetters.join('')}`;
    return letterCase === 'lower' ? written.toLowerCase() : written;
  })
  // "ls1 3rd" in lower case reads as an ordinal, which the guard lets through.
  .filter((text) => !/\d(?:st|nd|rd|th)$/.test(text))
  .map((text) => ({ kind: 'postcode', text }));

const digits = (count: number): fc.Arbitrary<string> =>
  fc.array(digit, { minLength: count, maxLength: count }).map((ds) => ds.join(''));

/** UK phone numbers: mobiles and landlines, national and international forms. */
export const phoneNumber: fc.Arbitrary<GeneratedIdentifier> = fc
  .oneof(
    digits(6).map((d) => `07700 ${d}`),
    digits(9).map((d) => `07${d}`),
    digits(9).map((d) => `+44 7${d.slice(0, 3)} ${d.slice(3)}`),
    digits(9).map((d) => `+447${d}`),
    digits(9).map((d) => `+44 (0)7${d.slice(0, 3)} ${d.slice(3)}`),
    digits(9).map((d) => `0044 7${d.slice(0, 3)} ${d.slice(3)}`),
    digits(7).map((d) => `0113 ${d.slice(0, 3)} ${d.slice(3)}`),
    digits(7).map((d) => `(0113) ${d}`),
    digits(7).map((d) => `0113-${d.slice(0, 3)}-${d.slice(3)}`),
    digits(6).map((d) => `01632 ${d}`),
    digits(8).map((d) => `020 ${d.slice(0, 4)} ${d.slice(4)}`),
    digits(7).map((d) => `+44 113 ${d.slice(0, 3)} ${d.slice(3)}`),
  )
  .map((text) => ({ kind: 'phone', text }));

const DOMAINS = [
  'nhs.net',
  'nhs.uk',
  'gmail.com',
  'outlook.com',
  'example.co.uk',
  'btinternet.com',
];

/** "jo.smithers@nhs.net", "Aarav_Khan42@gmail.com". */
export const emailAddress: fc.Arbitrary<GeneratedIdentifier> = fc
  .tuple(
    forename,
    fc.constantFrom('.', '_', '', '-'),
    surname,
    fc.option(fc.integer({ min: 1, max: 99 })),
    fc.constantFrom(...DOMAINS),
    fc.boolean(),
  )
  .map(([f, joiner, s, n, domain, lower]) => {
    const local = `${f}${joiner}${s.replace(/'/g, '')}${n ?? ''}`;
    return { kind: 'email', text: `${lower ? local.toLowerCase() : local}@${domain}` };
  });

/** Every kind of identifier in every form above. */
export function anyIdentifier(now: DateTime): fc.Arbitrary<GeneratedIdentifier> {
  return fc.oneof(
    nhsNumber,
    labelledNhsNumber,
    dateOfBirth(now),
    patientName,
    nameWithDate(now),
    postcode,
    phoneNumber,
    emailAddress,
  );
}

/**
 * What a GP, nurse or coach writes: shorthand, measures, scheduling, places and roles. No phrase
 * ends with a word that labels a letter ("room", "plan"), so an initial after it stays an initial.
 */
export const BENIGN_PHRASES: readonly string[] = [
  '54F HTN wants to lose weight',
  '71yo T2DM BMI 34',
  'aged 63',
  '71 year old',
  'PAM level 2',
  'ONS4 scores 7 8 6 5',
  'HbA1c 48',
  'PHQ9 12 GAD7 10',
  'BP 140/90',
  'Type 2 Diabetes',
  'COPD',
  'CKD stage 3',
  'low mood',
  'wants support with stress',
  'Riverside Surgery room 3',
  'Riverside Surgery',
  'Oakwood Lane Surgery',
  'Kirkstall Health Centre',
  'Health Coach',
  'Group supervision',
  'group session',
  'Teams call',
  "Dr's room booked",
  'NHS 111 option 2',
  'A&E',
  'ODS B82005',
  'Patient Activation Measure',
  'Living Well programme',
  'social prescribing link worker',
  'care coordinator',
  'referred by GP',
  'MDT',
  'follow-up',
  'Monday',
  'on Thursday',
  'next Friday',
  'every 4 weeks',
  'at 2pm',
  '14:00',
  'from 9:30',
  '90 minutes',
  '45 mins',
  '1:1 with my line manager',
  'Vitamin D Levels',
  'Plan B',
  'B12 injection',
  'COVID19 booster',
  'MS Teams',
  'Couch to 5K',
  'attended',
  'DNA x2',
];

/** A date within the last nine years or the next two, as a session or review date. */
export function recentDate(now: DateTime): fc.Arbitrary<string> {
  return fc
    .tuple(
      fc.integer({ min: -9 * 365, max: 2 * 365 }),
      fc.constantFrom(
        (d: DateTime) => d.toISODate() ?? '',
        (d: DateTime) => d.toFormat('dd/MM/yyyy'),
        (d: DateTime) => d.toFormat('d MMMM yyyy'),
        (d: DateTime) => d.toFormat('cccc d MMMM'),
        (d: DateTime) => d.toFormat('d/M'),
        (d: DateTime) => d.toFormat('dd.MM.yyyy'),
        (d: DateTime) => d.toFormat('d MMM yyyy'),
      ),
      fc.constantFrom('on ', 'from ', 'starting ', 'review ', 'next session '),
    )
    .map(([days, format, lead]) => `${lead}${format(now.plus({ days }))}`);
}

/** A measure, count, age or time, generated: "BMI 27", "3 sessions", "68yo", "11:45". */
export const benignNumber: fc.Arbitrary<string> = fc.oneof(
  fc
    .tuple(
      fc.constantFrom(
        'BMI',
        'room',
        'session',
        'week',
        'PAM level',
        'score',
        'weight',
        'HbA1c',
        'x',
      ),
      fc.integer({ min: 1, max: 200 }),
    )
    .map(([word, n]) => `${word} ${n}`),
  fc
    .tuple(
      fc.integer({ min: 1, max: 120 }),
      fc.constantFrom('sessions', 'minutes', 'mins', 'kg', 'weeks', 'year old', 'yo', 'F', 'M'),
    )
    .map(([n, unit]) => `${n}${unit.length <= 2 ? '' : ' '}${unit}`),
  fc
    .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
    .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`),
);

const JOINERS = [' ', ', ', '. ', '; ', ' - ', '\n'];

/** A few benign phrases and dates, joined as a note would be. */
export function benignText(now: DateTime): fc.Arbitrary<string> {
  const piece = fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...BENIGN_PHRASES) },
    { weight: 1, arbitrary: recentDate(now) },
    { weight: 1, arbitrary: benignNumber },
  );
  return fc
    .array(fc.tuple(piece, fc.constantFrom(...JOINERS)), { minLength: 1, maxLength: 6 })
    .map((pieces) => pieces.map(([text, joiner], i) => (i === 0 ? text : joiner + text)).join(''));
}

/** An identifier with benign text before and after it (either may be empty). */
export function embedded(
  identifier: fc.Arbitrary<GeneratedIdentifier>,
  now: DateTime,
): fc.Arbitrary<GeneratedIdentifier> {
  const around = fc.option(fc.tuple(benignText(now), fc.constantFrom(...JOINERS)));
  return fc.tuple(around, identifier, around).map(([before, found, after]) => ({
    kind: found.kind,
    text: [
      before === null ? '' : before[0] + before[1],
      found.text,
      after === null ? '' : after[1] + after[0],
    ].join(''),
  }));
}
