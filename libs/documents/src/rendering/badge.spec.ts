import { createCanvas } from '@napi-rs/canvas';
import { BADGE_TEXTS } from './badge-texts';
import { renderBadge, renderBadgeSheet } from './badge.template';
import type { BadgeFace, BadgesContent } from './document-content';
import { decodeQr, pdfPageCount, pdfText } from './testing/pdf';

const flat = (text: string) => text.replace(/\s+/g, ' ');

function photo(): Uint8Array {
  const canvas = createCanvas(60, 80);
  const context = canvas.getContext('2d');
  context.fillStyle = '#c0a080';
  context.fillRect(0, 0, 60, 80);
  return canvas.toBuffer('image/png');
}

const face = (n: number, fields: Partial<BadgeFace> = {}): BadgeFace => ({
  names: {
    fullName: `Malika Qodirova ${n}`,
    latin: `Malika Qodirova ${n}`,
    cyrillic: `Малика Қодирова ${n}`,
  },
  organization: 'Supreme Court of the Republic of Uzbekistan',
  delegation: 'Uzbekistan',
  role: 'DELEGATE',
  token: `B1.token-of-badge-${n}`,
  ...fields,
});

const content = (
  badges: BadgeFace[],
  language: BadgesContent['language'] = 'en',
): BadgesContent => ({
  language,
  edition: {
    title: 'Regional Conference on Combating Trafficking in Persons',
    startDate: '2026-10-14',
    endDate: '2026-10-15',
    city: 'Ashgabat',
    countryCode: 'TM',
  },
  badges,
});

describe('accreditation badges', () => {
  it('prints the name in both scripts, organization, delegation, role word and a QR of the token', async () => {
    const pdf = await renderBadge(content([face(1, { role: 'SPEAKER', photo: photo() })], 'ru'));
    const text = flat(await pdfText(pdf));
    expect(text).toContain('Malika Qodirova 1');
    expect(text).toContain('Малика Қодирова 1');
    expect(text).toContain('Supreme Court of the Republic of Uzbekistan');
    expect(text).toContain('Uzbekistan');
    expect(text).toContain(BADGE_TEXTS.ru.role.SPEAKER);
    expect(await decodeQr(pdf)).toBe('B1.token-of-badge-1');
  });

  it('prints a name known in neither script as entered, and leaves out a photo it cannot read', async () => {
    const pdf = await renderBadge(
      content([
        face(2, { names: { fullName: '王芳' }, photo: Uint8Array.from([0xff, 0xd8, 0xff, 0]) }),
      ]),
    );
    expect(flat(await pdfText(pdf))).toContain(BADGE_TEXTS.en.role.DELEGATE);
    expect(await decodeQr(pdf)).toBe('B1.token-of-badge-2');
  });

  it('puts four badges on each A4 sheet', async () => {
    const badges = [1, 2, 3, 4, 5].map((n) => face(n, { role: n === 5 ? 'PRESS' : 'DELEGATE' }));
    const pdf = await renderBadgeSheet(content(badges, 'uz'));
    expect(await pdfPageCount(pdf)).toBe(2);
    const text = flat(await pdfText(pdf));
    for (const n of [1, 2, 3, 4, 5]) expect(text).toContain(`Малика Қодирова ${n}`);
    expect(text).toContain(BADGE_TEXTS.uz.role.PRESS);
    expect(await decodeQr(pdf, 2)).toBe('B1.token-of-badge-5');
  });
});
