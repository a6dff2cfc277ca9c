import type { Response } from 'express';

/**
 * A CSV download: UTF-8 with a byte-order mark, which spreadsheet programs need to read
 * Cyrillic and Uzbek Latin. The words may follow the Accept-Language header, so caches
 * keep one copy per language.
 */
export function sendCsv(res: Response, csv: string, fileName: string): void {
  res.setHeader('Content-Type', 'text/csv; charset=utf-8');
  res.setHeader('Content-Disposition', `attachment; filename="${fileName}"`);
  res.setHeader('Vary', 'Accept-Language');
  res.send(`\uFEFF${csv}`);
}
