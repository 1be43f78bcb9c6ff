import {
  findIdentifier,
  type FieldPolicy,
  type IdentifierKind,
} from '../../../src/domain/privacy/identifier-guard';
import { GUARD_NOW } from '../../helpers/guard-today';

const now = GUARD_NOW;
const find = (text: string, policy: FieldPolicy = 'free-text'): IdentifierKind | undefined =>
  findIdentifier(text, policy, now)?.kind;

describe('NHS numbers, in every written form', () => {
  it.each([
    ['solid', '9434765919'],
    ['3-3-4 with spaces', '943 476 5919'],
    ['3-3-4 with hyphens', '943-476-5919'],
    ['3-3-4 with dots', '943.476.5919'],
    ['3-3-4 with slashes', '943/476/5919'],
    ['3-3-4 with underscores', '943_476_5919'],
    ['spaced hyphens', '943 - 476 - 5919'],
    ['5-5', '94347 65919'],
    ['one digit at a time', '9 4 3 4 7 6 5 9 1 9'],
    ['full-width digits', '９４３４７６５９１９'],
    ['full-width, spaced', '９４３ ４７６ ５９１９'],
    ['Arabic-Indic digits', '٩٤٣٤٧٦٥٩١٩'],
    ['Devanagari digits', '९४३ ४७६ ५९१९'],
    ['mathematical bold digits', '𝟗𝟒𝟑𝟒𝟕𝟔𝟓𝟗𝟏𝟗'],
    ['non-breaking spaces', '943\u00a0476\u00a05919'],
    ['en dashes', '943\u2013476\u20135919'],
    ['a zero-width space inside', '943\u200b4765919'],
    ['another valid number', '4010232137'],
    ['in a sentence', 'patient is 943 476 5919, aged 50'],
    ['glued to a label', 'NHS9434765919'],
    ['after a label and colon', 'NHS no: 943 476 5919'],
    ['after a date', 'seen 2026-11-02 943 476 5919'],
    ['after other numbers', 'room 3 943 476 5919'],
    ['glued to letters after', '9434765919pt'],
  ])('%s: %s', (_form, text) => {
    expect(find(text)).toBe('nhs-number');
  });

  it.each([
    ['NHS no 9434765918'],
    ['NHS number: 943 476 5918'],
    ['nhs no. 943-476-5918'],
    ['9434765918 (NHS)'],
    ['NHS 1234567890'],
  ])('ten digits next to "NHS", whatever the check digit: %s', (text) => {
    expect(find(text)).toBe('nhs-number');
  });

  it('refuses NHS numbers in every kind of field', () => {
    expect(find('943 476 5919', 'choice')).toBe('nhs-number');
    expect(find('Jo Coach 9434765919', 'person-name')).toBe('nhs-number');
    expect(find('NHS no 9434765918', 'choice')).toBe('nhs-number');
  });

  it.each([
    ['a wrong check digit without a label', '9434765918'],
    ['a check digit of 10, never issued', '1234567890'],
    ['eleven digits', '94347659190'],
    ['nine digits', '943476591'],
    ['one digit repeated, a placeholder', '000 000 0000'],
    ['a GUID', '00000000-0000-0000-0000-0000000000a1'],
    ['a session date and time', '2026-12-10 14:00'],
    ['dotted clock times', '09.30 10.30 11.30'],
  ])('not an NHS number: %s (%s)', (_why, text) => {
    expect(find(text, 'choice')).toBeUndefined();
  });
});

describe('dates of birth', () => {
  it.each([
    ['DOB 12.3.50'],
    ['DOB: 12/03/1950'],
    ['d.o.b 01/02/1960'],
    ['D.O.B. 1 Feb 1960'],
    ['born 1950'],
    ["born in '50"],
    ['born on the twelfth of March'],
    ['date of birth 4 May'],
    ['Date of birth: 12/03'],
    ['birthday next Friday'],
    ['12/03/1950 (DOB)'],
  ])('any date next to a birth marker: %s', (text) => {
    expect(find(text)).toBe('date-of-birth');
  });

  it.each([
    ['12 March 1950'],
    ['3rd April 1955'],
    ['12/03/1950'],
    ['12/3/1950'],
    ['12.03.1950'],
    ['12-03-1950'],
    ['1950-03-12'],
    ['12-Mar-1950'],
    ['March 12th 1950'],
    ['Mar 12, 1950'],
    ['12th of March, 1950'],
    ['12 Sept 1950'],
    ['12/03/50'],
    ['12.3.50'],
    ["12th Mar '50"],
    ['12 03 1950'],
    ['1/2/2015'],
    ['seen 1/2/2010'],
  ])('a full date more than ten years ago: %s', (text) => {
    expect(find(text)).toBe('date-of-birth');
  });

  it('reads a day-first date the British way and keeps the ten-year line exact', () => {
    expect(find('14/11/2016')).toBe('date-of-birth');
    expect(find('15/11/2016')).toBeUndefined();
    expect(find('16/11/2016')).toBeUndefined();
  });

  it('refuses a date of birth in a person-name field, but does not look for dates in a choice field', () => {
    expect(find('Jo born 12/03/1950', 'person-name')).toBe('date-of-birth');
    expect(find('Jo Coach born on the twelfth of March', 'person-name')).toBe('date-of-birth');
    expect(find('12/03/1950', 'choice')).toBeUndefined();
  });
});

describe('patient names', () => {
  it.each([
    ['Mr Edward Jones'],
    ["Mrs O'Brien"],
    ['Ms Smith-Jones'],
    ['Miss Nowak'],
    ['Mx Okafor'],
    ['Dr. Patel'],
    ['Master J Smithers'],
    ['MR JONES'],
    ['mr jones'],
    ['mrs begum'],
    ['pt J Smithers'],
    ['patient Johnathan Smithers'],
    ['Patient: Aarav'],
    ['client Chidi Okafor'],
    ['name: jo smithers'],
    ['Patient name = Smithers'],
    ['JS 12 Mar 1950'],
    ['J Smithers 12/03/50'],
    ['JRS, 03/04/1961'],
    ['J.S. 12/03/2026'],
    ['J Smithers'],
    ['J. Smithers'],
    ["A O'Brien"],
    ['Johnathan Smithers'],
    ['Aarav Kumar Sharma'],
    ['Zoë Müller'],
    ['spoke with Kwame Adeyemi today'],
    ['John Hall'],
  ])('%s', (text) => {
    expect(find(text)).toBe('patient-name');
  });

  it('allows a plain name in a person-name field, with or without a title', () => {
    for (const name of [
      'Jo Coach',
      'Dr Jo Coach',
      "Siobhan O'Brien-Smith",
      'J. Coach',
      'Zoë',
      '',
    ]) {
      expect(find(name, 'person-name')).toBeUndefined();
    }
  });

  it.each([
    ['Jo Coach 12', 'not-a-name'],
    ['Jo (supervisor)', 'not-a-name'],
    ['Jo Coach, Riverside', 'not-a-name'],
    ['Jo 07700 900123', 'phone'],
    ['jo.coach@nhs.net', 'email'],
    ['Jo LS1 4AP', 'postcode'],
    ['Jo 12/03/1950', 'date-of-birth'],
  ])('refuses anything else in a person-name field: %s', (text, kind) => {
    expect(find(text, 'person-name')).toBe(kind);
  });

  it("refuses words in a choice field, where only the card's own values belong", () => {
    expect(find('Johnathan Smithers', 'choice')).toBe('not-a-choice');
    expect(find('Mr Edward Jones', 'choice')).toBe('not-a-choice');
    expect(
      find('79 sessions; wants support\nfrom 7 December 2026 jo.smith@nhs.net', 'choice'),
    ).toBe('not-a-choice');
    expect(find('jo.smith@nhs.net', 'choice')).toBe('not-a-choice');
  });

  it("accepts every kind of value the bot's own cards offer in a choice field", () => {
    for (const value of [
      '',
      'coaching-one-to-one',
      '-1,60,1440',
      '2026-12-10T10:00:00.000Z',
      '2026-Q3',
      '14:00',
      '00000000-0000-0000-0000-0000000000c1',
      '19:4f2a9c@thread.tacv2',
      'a:1Xk_29-ab',
      'HC-7K3Q',
      '2026-12-10 14:00',
      '{"kind":"monthly","nth":1,"weekday":2,"startTime":"10:00"}',
    ]) {
      expect(find(value, 'choice')).toBeUndefined();
    }
  });
});

describe('postcodes, phone numbers and email addresses', () => {
  it.each([
    ['LS1 4AP'],
    ['SW1A 1AA'],
    ['ls1 4ap'],
    ['sw1a1aa'],
    ['BD7 4LN'],
    ['M1 1AE'],
    ['EC1A 1BB'],
    ['lives near LS6  2QR'],
  ])('postcode: %s', (text) => {
    expect(find(text)).toBe('postcode');
  });

  it.each([
    ['07700 900123'],
    ['07700900123'],
    ['+44 7700 900123'],
    ['+447700900123'],
    ['+44 (0)7700 900123'],
    ['0044 7700 900123'],
    ['0113 496 0000'],
    ['(0113) 4960000'],
    ['0113-496-0000'],
    ['020 7946 0000'],
    ['call 01632 960001 for the duty doctor'],
  ])('phone: %s', (text) => {
    expect(find(text)).toBe('phone');
  });

  it.each([['jo.smithers@nhs.net'], ['Aarav_Khan42@gmail.com'], ['write to j.s@example.co.uk.']])(
    'email: %s',
    (text) => {
      expect(find(text)).toBe('email');
    },
  );

  it('does not read a Teams conversation id as an email address', () => {
    expect(find('19:4f2a9c@thread.tacv2')).toBeUndefined();
  });
});
