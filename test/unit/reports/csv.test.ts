import { csvCell, csvDocument } from '../../../src/domain/csv';

describe('the CSV writer: OWASP CSV-injection rule', () => {
  it.each([
    ['=', '=1+2', "'=1+2"],
    ['+', '+44 7700 900000', "'+44 7700 900000"],
    ['-', '-2+3', "'-2+3"],
    ['@', '@SUM(A1)', "'@SUM(A1)"],
    ['tab (0x09)', '\t=1', "'\t=1"],
  ])('a text cell starting with %s gets a single quote in front', (_first, value, written) => {
    expect(csvCell(value)).toBe(written);
  });

  it('a text cell starting with a carriage return (0x0D) gets the quote, then RFC 4180 quotes', () => {
    expect(csvCell('\r=1')).toBe(`"'\r=1"`);
  });

  it('neutralises before quoting, so the quote is inside the field', () => {
    expect(csvCell('=HYPERLINK("http://evil","x")')).toBe(`"'=HYPERLINK(""http://evil"",""x"")"`);
  });

  it('leaves the dangerous characters alone anywhere but first', () => {
    expect(csvCell('A1=B2')).toBe('A1=B2');
    expect(csvCell('Team @ Riverside')).toBe('Team @ Riverside');
    expect(csvCell('x-ray')).toBe('x-ray');
  });

  it('leaves a cell that starts with a space or a quote as it is: neither starts a formula', () => {
    expect(csvCell(' =1')).toBe(' =1');
    expect(csvCell('"=1"')).toBe('"""=1"""');
  });

  it('writes numbers the code computed as numbers, negative ones included, with no prefix', () => {
    expect(csvCell(3)).toBe('3');
    expect(csvCell(-3)).toBe('-3');
    expect(csvCell(1.5)).toBe('1.5');
    expect(csvCell(0)).toBe('0');
  });

  it('always treats a string as text, even one that looks like a negative number', () => {
    expect(csvCell('-3')).toBe("'-3");
  });

  it('refuses a number that is not finite', () => {
    expect(() => csvCell(Number.NaN)).toThrow(RangeError);
    expect(() => csvCell(Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });
});

describe('the CSV writer: RFC 4180 quoting', () => {
  it('leaves plain text unquoted', () => {
    expect(csvCell('General')).toBe('General');
    expect(csvCell('')).toBe('');
  });

  it('quotes a cell with a comma', () => {
    expect(csvCell('Coach, link worker')).toBe('"Coach, link worker"');
  });

  it('doubles quotes inside a quoted cell', () => {
    expect(csvCell('News, "weekly"')).toBe('"News, ""weekly"""');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
  });

  it('quotes a cell with a line feed or a CRLF, and keeps the line break', () => {
    expect(csvCell('line one\nline two')).toBe('"line one\nline two"');
    expect(csvCell('line one\r\nline two')).toBe('"line one\r\nline two"');
  });

  it('passes unicode through unchanged, quoting only for the usual reasons', () => {
    expect(csvCell('Café Ménage – Ærø')).toBe('Café Ménage – Ærø');
    expect(csvCell('👩‍⚕️ team, 北区')).toBe('"👩‍⚕️ team, 北区"');
    // A full-width equals sign is not in OWASP's list, and spreadsheets do not read it as one.
    expect(csvCell('＝1+1')).toBe('＝1+1');
  });

  it('ends every row with CRLF, the last one too', () => {
    expect(
      csvDocument([
        ['team', 'attempts'],
        ['=evil', -1],
        ['a,b', 2],
      ]),
    ).toBe('team,attempts\r\n\'=evil,-1\r\n"a,b",2\r\n');
    expect(csvDocument([])).toBe('');
  });
});
