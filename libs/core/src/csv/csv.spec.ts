import { parseCsv, parseCsvWithLines, toCsv } from './csv';
import { requestedSeparator } from './csv-separator';

describe('parseCsv', () => {
  it('reads quoted fields, doubled quotes and line breaks inside quotes', () => {
    expect(parseCsv('a,"b, c","say ""hi""","two\nlines"\n')).toEqual([
      ['a', 'b, c', 'say "hi"', 'two\nlines'],
    ]);
  });

  it('accepts CRLF and LF, and a last line without a line break', () => {
    expect(parseCsv('a,b\r\n1,2\n3,4')).toEqual([
      ['a', 'b'],
      ['1', '2'],
      ['3', '4'],
    ]);
  });

  it('keeps empty fields and empty lines as rows', () => {
    expect(parseCsv('a,,c\n\n,\n')).toEqual([['a', '', 'c'], [''], ['', '']]);
  });

  it('drops a leading BOM and reads Cyrillic and Uzbek Latin as they are', () => {
    expect(parseCsv('\uFEFFname\nOʻtkir Rahimov\nЎткир Рахимов\n')).toEqual([
      ['name'],
      ['Oʻtkir Rahimov'],
      ['Ўткир Рахимов'],
    ]);
  });

  it("reads ';' files when the header has ';' and no ','", () => {
    expect(parseCsv('ФИО;email\r\n"Рахимов; Ўткир";u@x.uz\r\n')).toEqual([
      ['ФИО', 'email'],
      ['Рахимов; Ўткир', 'u@x.uz'],
    ]);
    // A comma in the header wins: semicolons are then plain text.
    expect(parseCsv('a,b;c\n1,2;3\n')).toEqual([
      ['a', 'b;c'],
      ['1', '2;3'],
    ]);
  });

  it('reports the file line each row starts on', () => {
    const { lines } = parseCsvWithLines('h\n"x\ny"\nz\n');
    expect(lines).toEqual([1, 2, 4]);
  });

  it('reads back what toCsv writes', () => {
    const rows = [
      ['id', 'name', 'note'],
      ['1', 'Малика, Қодирова', 'a "quoted" word\r\nand a line'],
    ];
    expect(parseCsv(toCsv(rows))).toEqual(rows);
  });
});

describe('toCsv', () => {
  it("separates with ';' when asked, and quotes a field holding either separator", () => {
    const rows = [
      ['ФИО', 'Организация', 'Примечание'],
      ['Рахимова; Нилуфар', 'ННО "Истиқбол"', 'a, b'],
    ];
    const text = toCsv(rows, ';');
    expect(text).toBe(
      'ФИО;Организация;Примечание\r\n"Рахимова; Нилуфар";"ННО ""Истиқбол""";"a, b"\r\n',
    );
    expect(parseCsv(text)).toEqual(rows);
    expect(parseCsv(toCsv(rows))).toEqual(rows);
  });

  it("writes numbers with a decimal comma in a ';' file", () => {
    expect(toCsv([['Attendance %', 66.7, 100]], ';')).toBe('Attendance %;66,7;100\r\n');
    expect(toCsv([['Attendance %', 66.7, 100]])).toBe('Attendance %,66.7,100\r\n');
  });
});

describe('the separator a download asks for', () => {
  it('is a comma unless semicolon (or ;) is asked for; anything else is refused naming the field', () => {
    expect(requestedSeparator(undefined)).toBe(',');
    expect(requestedSeparator('comma')).toBe(',');
    expect(requestedSeparator('SEMICOLON')).toBe(';');
    expect(requestedSeparator(';')).toBe(';');
    for (const value of ['tab', '', 'constructor', ['comma', 'semicolon']])
      expect(() => requestedSeparator(value)).toThrow('separator: must be comma or semicolon');
  });
});
