import type { Response } from 'express';
import { DomainError } from '@platform/core';

/** `?inline=1`: shown in the browser's PDF viewer rather than saved (the web app's "Open"). */
export function inlineOf(inline: string | undefined): boolean {
  if (inline === undefined || inline === '0') return false;
  if (inline === '1') return true;
  throw DomainError.invalid('inline', 'must be 1 (show in the browser) or 0 (download)');
}

export function sendPdf(res: Response, pdf: Buffer, fileName: string, inline = false): void {
  res.setHeader('Content-Type', 'application/pdf');
  // RFC 6266: an ASCII fallback plus the UTF-8 name (holders' names may be Cyrillic).
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/"/g, '');
  res.setHeader(
    'Content-Disposition',
    `${inline ? 'inline' : 'attachment'}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
  );
  res.send(pdf);
}
