import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Browser, BrowserContext, Page } from 'playwright-core';
import { create } from 'qrcode';
import { anEdition, aPerson, aSeries, register } from '../factories';
import { decodeQr } from '../support/pdf';
import { ADMIN } from '../support/test-app';
import { launchBrowser, newPage, PHONE, startWebApp, WebApp } from './support/browser';

const WIDTH = 640;
const HEIGHT = 480;

/**
 * A few identical frames of a 640×480 YUV 4:2:0 video (Y4M) filming `text` as a QR code:
 * black modules on white with the quiet zone, as big as fits; no colour (U and V at 128).
 */
function qrVideo(text: string): Buffer {
  const { modules } = create(text, { errorCorrectionLevel: 'M' });
  const count = modules.size;
  const quiet = 4;
  const unit = Math.floor(Math.min(WIDTH, HEIGHT) / (count + 2 * quiet));
  const left = Math.floor((WIDTH - count * unit) / 2);
  const top = Math.floor((HEIGHT - count * unit) / 2);
  const luma = Buffer.alloc(WIDTH * HEIGHT, 235);
  for (let row = 0; row < count; row++)
    for (let col = 0; col < count; col++)
      if (modules.get(row, col))
        for (let y = 0; y < unit; y++)
          luma.fill(
            16,
            (top + row * unit + y) * WIDTH + left + col * unit,
            (top + row * unit + y) * WIDTH + left + (col + 1) * unit,
          );
  const chroma = Buffer.alloc((WIDTH / 2) * (HEIGHT / 2), 128);
  const frame = Buffer.concat([Buffer.from('FRAME\n'), luma, chroma, chroma]);
  return Buffer.concat([
    Buffer.from(`YUV4MPEG2 W${WIDTH} H${HEIGHT} F10:1 Ip A1:1 C420jpeg\n`),
    ...Array.from({ length: 5 }, () => frame),
  ]);
}

/** Today in Ashgabat, where the edition is: the day a scan now checks people in for. */
function todayInAshgabat(offsetDays = 0): string {
  const at = new Date(Date.now() + offsetDays * 86_400_000);
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ashgabat' }).format(at);
}

describe('in a browser: badges scanned at the door with a phone camera', () => {
  let app: WebApp;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let errors: string[];
  let dir: string;
  let editionId: string;
  const people: Record<'filmed' | 'typed', { registrationId: string; token: string }> = {
    filmed: { registrationId: '', token: '' },
    typed: { registrationId: '', token: '' },
  };

  beforeAll(async () => {
    app = await startWebApp({ MAIL_WORKER: 'off' });
    const series = await aSeries(app);
    // The conference runs today and tomorrow in Ashgabat.
    editionId = (
      await anEdition(series.id)
        .inYear(Number(todayInAshgabat().slice(0, 4)))
        .on(todayInAshgabat(), todayInAshgabat(1))
        .hostedBy('TM', 'Ashgabat')
        .published()
        .create(app)
    ).id;
    const named = {
      filmed: ['Malika Qodirova', 'Малика Қодирова'],
      typed: ['Aibek Seitkali', 'Айбек Сейткали'],
    };
    for (const who of ['filmed', 'typed'] as const) {
      const person = await aPerson().named(named[who][0], named[who][1]).create(app);
      const registrationId = (await register(app, editionId, person.id)).data!.registerParticipant
        .id;
      const pdf = await app.download(`/documents/badges/${registrationId}.pdf`, app.adminToken);
      people[who] = { registrationId, token: await decodeQr(pdf.body) };
    }
    // The camera films Malika's badge.
    dir = mkdtempSync(join(tmpdir(), 'badge-scan-'));
    const video = join(dir, 'badge.y4m');
    writeFileSync(video, qrVideo(people.filmed.token));
    browser = await launchBrowser({ fakeCamera: video });
    ({ context, page, errors } = await newPage(browser, app, { viewport: PHONE }));
    await context.request.post('/graphql', {
      data: {
        query: `mutation($input: LoginInput!) { login(input: $input) { user { id } } }`,
        variables: { input: ADMIN },
      },
    });
  }, 120_000);

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await app?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const checkInsOf = async (registrationId: string) =>
    (
      await app.ok(
        `query($id: ID!) { registration(id: $id) { checkIns { day } } }`,
        { id: registrationId },
        app.adminToken,
      )
    ).registration.checkIns as { day: string }[];

  it('checks in the person whose badge the camera sees, and shows their name and the count', async () => {
    await page.goto(`/manage/editions/${editionId}/scan`);
    await page.getByRole('heading', { name: 'Scan badges' }).waitFor();
    await expect(page.getByTestId('scan-count').innerText()).resolves.toBe('0 of 2');
    await page.getByRole('button', { name: 'Start the camera' }).click();
    await page.getByTestId('scan-name').waitFor({ timeout: 20_000 });
    expect(await page.getByTestId('scan-name').innerText()).toBe('Malika Qodirova');
    expect(await page.getByTestId('scan-result').innerText()).toContain('Малика Қодирова');
    await page.getByTestId('scan-count').filter({ hasText: '1 of 2' }).waitFor();
    expect(await checkInsOf(people.filmed.registrationId)).toEqual([{ day: todayInAshgabat() }]);
    await page.getByRole('button', { name: 'Stop the camera' }).click();
  });

  it('keeps a scan made offline and sends it when the network returns', async () => {
    await context.setOffline(true);
    await page.getByLabel('Code of the badge').fill(people.typed.token);
    await page.getByRole('button', { name: 'Check in' }).click();
    await page
      .getByTestId('scan-queue')
      .filter({ hasText: '1 scan waiting for the network' })
      .waitFor();
    expect(await checkInsOf(people.typed.registrationId)).toEqual([]);

    await context.setOffline(false);
    await page
      .getByTestId('scan-name')
      .filter({ hasText: 'Aibek Seitkali' })
      .waitFor({ timeout: 20_000 });
    await page.getByTestId('scan-queue').waitFor({ state: 'detached' });
    await page.getByTestId('scan-count').filter({ hasText: '2 of 2' }).waitFor();
    expect(await checkInsOf(people.typed.registrationId)).toEqual([{ day: todayInAshgabat() }]);
  });

  it('shows a forged badge in red', async () => {
    await page.getByLabel('Code of the badge').fill(`B1.${'A'.repeat(48)}`);
    await page.getByRole('button', { name: 'Check in' }).click();
    await page
      .getByRole('alert')
      .filter({ hasText: 'Not a valid badge of this edition.' })
      .waitFor();
    expect(
      errors.filter((error) => !/Failed to load resource|ERR_INTERNET_DISCONNECTED/.test(error)),
    ).toEqual([]);
  });
});
