/** What separates the fields of a line: ',' by default; ';' as Excel expects in Russian and Uzbek locales. */
export type CsvSeparatorChar = ',' | ';';

/**
 * RFC 4180 CSV with `separator` between fields. A field holding a comma, a semicolon, a
 * quote or a line break is quoted (quotes doubled), whichever the separator, so the file
 * reads back the same with either (see parseCsv's guess from the header line). In a ';'
 * file numbers have a decimal comma (66,7), as the spreadsheets that want ';' read them.
 */
export function toCsv(
  rows: (string | number | boolean | null | undefined)[][],
  separator: CsvSeparatorChar = ',',
): string {
  const field = (value: string | number | boolean | null | undefined) => {
    // A number's decimal mark is never the file's separator: no quotes needed.
    if (typeof value === 'number')
      return separator === ';' ? String(value).replace('.', ',') : String(value);
    const text = value == null ? '' : String(value);
    return /[",;\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return rows.map((row) => row.map(field).join(separator)).join('\r\n') + '\r\n';
}

/**
 * Reads RFC 4180 CSV into rows of fields: quoted fields may hold commas, doubled
 * quotes and line breaks; lines end in CRLF or LF; a leading UTF-8 BOM is dropped.
 * Excel in Russian and Uzbek locales saves with ';' instead of ',', so when the
 * header line has a ';' outside quotes and no ',' the whole file is read with ';'.
 * Row i of the result is the record starting on file line `lines[i]`; a quoted field
 * with a line break spans several file lines, which keeps reported line numbers true.
 */
export function parseCsv(text: string): string[][] {
  return parseCsvWithLines(text).rows;
}

/** parseCsv, with the file line (1-based) each row starts on. */
export function parseCsvWithLines(text: string): { rows: string[][]; lines: number[] } {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const separator = detectSeparator(text);
  const rows: string[][] = [];
  const lines: number[] = [];
  let row: string[] = [];
  let field = '';
  let line = 1;
  let rowLine = 1;
  let i = 0;
  let quoted = false;
  const endRow = () => {
    row.push(field);
    field = '';
    rows.push(row);
    lines.push(rowLine);
    row = [];
  };
  const separatorCode = separator.charCodeAt(0);
  while (i < text.length) {
    const ch = text.charAt(i);
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        continue;
      }
      // Up to the next quote in one piece (a large file has thousands of fields).
      const close = text.indexOf('"', i);
      const end = close === -1 ? text.length : close;
      for (let at = text.indexOf('\n', i); at !== -1 && at < end; at = text.indexOf('\n', at + 1))
        line++;
      field += text.slice(i, end);
      i = end;
      continue;
    }
    if (ch === '"' && field === '') {
      quoted = true;
    } else if (ch === separator) {
      row.push(field);
      field = '';
    } else if (ch === '\r' || ch === '\n') {
      endRow();
      if (ch === '\r' && text[i + 1] === '\n') i++;
      line++;
      rowLine = line;
    } else {
      // Up to the next separator, quote or line break in one piece.
      let end = i + 1;
      for (; end < text.length; end++) {
        const code = text.charCodeAt(end);
        if (code === separatorCode || code === 34 || code === 10 || code === 13) break;
      }
      field += text.slice(i, end);
      i = end;
      continue;
    }
    i++;
  }
  // The last record needs no line break after it.
  if (field !== '' || row.length > 0) endRow();
  return { rows, lines };
}

function detectSeparator(text: string): ',' | ';' {
  let quoted = false;
  let semicolon = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (quoted) continue;
    else if (ch === '\r' || ch === '\n') break;
    else if (ch === ',') return ',';
    else if (ch === ';') semicolon = true;
  }
  return semicolon ? ';' : ',';
}
