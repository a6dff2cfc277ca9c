import { DomainError, escapeHtml } from '@platform/core';
import { MailMessage, MailText } from './mail-message';

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

const MAX_SUBJECT = 200;
const MAX_BODY = 20_000;

// A placeholder name is an identifier; anything else between braces is a typo we report.
const PLACEHOLDER = /\{\{\s*([A-Za-z][A-Za-z0-9_]*)\s*\}\}/g;
const PLACEHOLDER_AT = /\{\{\s*([A-Za-z][A-Za-z0-9_]*)\s*\}\}/y;

/** The placeholder names a text uses, each once, in the order they first appear. */
export function placeholdersIn(text: string): string[] {
  return [...new Set(Array.from(text.matchAll(PLACEHOLDER), (match) => match[1]!))];
}

/**
 * Throws BAD_USER_INPUT naming `subject` or `body` when an organizer's text could not be
 * sent as written: empty, too long, a subject on several lines (it would break the mail
 * header), braces that do not make a placeholder, or a placeholder the message lacks.
 */
export function validateWording(message: MailMessage, text: MailText): void {
  const { subject, body } = text;
  if (subject.trim() === '') throw DomainError.invalid('subject', 'must not be empty');
  if (/[\r\n\u2028\u2029]/.test(subject)) {
    throw DomainError.invalid('subject', 'must be one line');
  }
  if (length(subject) > MAX_SUBJECT) {
    throw DomainError.invalid('subject', `at most ${MAX_SUBJECT} characters`);
  }
  checkPlaceholders(message, 'subject', subject);

  if (body.trim() === '') throw DomainError.invalid('body', 'must not be empty');
  if (length(body) > MAX_BODY) {
    throw DomainError.invalid('body', `at most ${MAX_BODY} characters`);
  }
  checkPlaceholders(message, 'body', body);
}

/**
 * The mail for `values`: plain text, an HTML alternative and a one-line subject. The text
 * was validated when it was saved, but is validated again as defaults and stored texts may
 * drift from the placeholder list between releases.
 */
export function renderMessage(
  message: MailMessage,
  text: MailText,
  values: Record<string, string | number>,
): RenderedMail {
  validateWording(message, text);
  for (const name of new Set([...placeholdersIn(text.subject), ...placeholdersIn(text.body)])) {
    // The caller builds `values` in code, so a gap is a bug, not the organizer's input.
    if (!Object.hasOwn(values, name) || values[name] == null) {
      throw new Error(`renderMessage(${message.name}): no value for {{${name}}}`);
    }
  }
  const fill = (source: string): string =>
    source.replace(PLACEHOLDER, (_match, name: string) => String(values[name]));

  const body = fill(text.body.replace(/\r\n?/g, '\n'));
  return {
    // Values may hold line breaks; a subject must not, or it would end the header.
    subject: fill(text.subject)
      .replace(/\s*[\r\n\u2028\u2029]+\s*/g, ' ')
      .trim(),
    text: body,
    html: toHtml(body),
  };
}

function length(text: string): number {
  return [...text].length;
}

function checkPlaceholders(message: MailMessage, field: 'subject' | 'body', text: string): void {
  for (let at = text.indexOf('{{'); at !== -1; at = text.indexOf('{{', at)) {
    PLACEHOLDER_AT.lastIndex = at;
    const match = PLACEHOLDER_AT.exec(text);
    if (match) {
      at += match[0].length;
      continue;
    }
    const where = lineOf(text, at);
    const close = text.indexOf('}}', at + 2);
    const nextOpen = text.indexOf('{{', at + 2);
    if (close === -1 || (nextOpen !== -1 && nextOpen < close)) {
      const start = text.slice(at, at + 20).split('\n')[0];
      throw DomainError.invalid(field, `unclosed {{${where} ("${start}…")`);
    }
    throw DomainError.invalid(
      field,
      `${text.slice(at, close + 2)}${where} is not a placeholder; ` +
        'a name has letters and digits only, e.g. {{name}}',
    );
  }

  const known = Object.keys(message.placeholders);
  const unknown = placeholdersIn(text).find((name) => !known.includes(name));
  if (unknown !== undefined) {
    throw DomainError.invalid(
      field,
      `unknown placeholder {{${unknown}}}; ${message.name} knows ` +
        known.map((name) => `{{${name}}}`).join(', '),
    );
  }
}

/** " on line 3" for a text of several lines, nothing for a single line. */
function lineOf(text: string, index: number): string {
  if (!text.includes('\n')) return '';
  return ` on line ${text.slice(0, index).split('\n').length}`;
}

// --- HTML -------------------------------------------------------------------------------

// Only RFC 3986 characters, without the quote: a URL ends at a space, a quote, an angle
// bracket or a non-ASCII letter (Uzbek ʻ, Russian «»), so it cannot break out of href.
const URL_PATTERN = /https?:\/\/[A-Za-z0-9\-._~:/?#[\]@!$&()*+,;=%]+/g;

/** Sentence punctuation after a URL belongs to the sentence; so does an unmatched ")". */
function trimUrl(url: string): string {
  let end = url.length;
  for (;;) {
    const last = url[end - 1];
    const candidate = url.slice(0, end);
    const unmatched = last === ')' && candidate.split('(').length < candidate.split(')').length;
    if (last === undefined || !('.,;:!?'.includes(last) || unmatched)) break;
    end -= 1;
  }
  return url.slice(0, end);
}

/** One line of text as HTML: everything escaped, http(s) URLs as links. */
function lineToHtml(line: string): string {
  let html = '';
  let from = 0;
  for (const match of line.matchAll(URL_PATTERN)) {
    const start = match.index;
    const url = trimUrl(match[0]);
    if (!/^https?:\/\/[^/]/.test(url)) continue;
    const href = escapeHtml(url);
    html += `${escapeHtml(line.slice(from, start))}<a href="${href}">${href}</a>`;
    from = start + url.length;
  }
  return html + escapeHtml(line.slice(from));
}

/** Paragraphs (split at blank lines) in <p>, single line breaks as <br>. */
function toHtml(text: string): string {
  const paragraphs = text
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph !== '')
    .map((paragraph) => `<p>${paragraph.split('\n').map(lineToHtml).join('<br>\n')}</p>`);
  return (
    '<html><head><meta charset="utf-8"></head><body>\n' +
    '<div style="font-family: Arial, Helvetica, sans-serif; font-size: 15px; line-height: 1.5; color: #1a1a1a;">\n' +
    `${paragraphs.join('\n')}\n` +
    '</div>\n</body></html>\n'
  );
}
