// `npm run screenshots`: the README's pictures of the main pages, taken from the real app
// (built web app, real server, the demo data) in Debian's Chromium. Writes docs/screenshots/.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { MikroORM } from '@mikro-orm/core';
import { Edition } from '@platform/conferences';
import { TrainingEvent } from '@platform/trainings';
import { DEMO_ORGANIZER, DEMO_PARTICIPANT, loadDemoData } from '../../apps/api/src/demo/demo-data';
import { DEMO_FOCAL_POINT } from '../../apps/api/src/demo/delegations-demo';
import { DEMO_TRAINER } from '../../apps/api/src/demo/training-demo';
import { launchBrowser, PHONE, startWebApp } from './support/browser';

const OUT = join(__dirname, '..', '..', 'docs', 'screenshots');

interface Shot {
  name: string;
  path: string;
  login?: { email: string; password: string };
  phone?: boolean;
  locale?: string;
  /** Text to wait for before the picture is taken. */
  waitFor: string | RegExp;
}

async function main(): Promise<void> {
  const app = await startWebApp({ MAIL_WORKER: 'off' });
  const browser = await launchBrowser();
  try {
    const orm = app.app.get(MikroORM);
    await loadDemoData(orm.em.fork());
    const em = orm.em.fork();
    const tashkent = await em.findOneOrFail(Edition, { year: 2022 });
    const ashgabat = await em.findOneOrFail(Edition, { year: 2026 });
    const [seminar] = await em.find(TrainingEvent, {}, { orderBy: { startDate: 'asc' }, limit: 1 });
    // The participant's certificate, issued by the organizer as in real life.
    const organizer = await app.login(DEMO_ORGANIZER.email, DEMO_ORGANIZER.password);
    await app.ok(
      `mutation($input: IssueCertificatesInput!) { issueCertificates(input: $input) { id } }`,
      { input: { kind: 'CONFERENCE_ATTENDANCE', editionId: tashkent.id } },
      organizer,
    );

    const shots: Shot[] = [
      { name: 'home', path: '/', waitFor: /Strengthening National/ },
      {
        name: 'edition-ru',
        path: `/editions/${tashkent.id}`,
        locale: 'ru-RU',
        waitFor: /Использование технологий/,
      },
      {
        name: 'my-certificates',
        path: '/my/certificates',
        login: DEMO_PARTICIPANT,
        waitFor: /TIP-2022/,
      },
      {
        name: 'attendance-sheet',
        path: `/trainings/events/${seminar.id}/attendance/${seminar.startDate}`,
        login: DEMO_TRAINER,
        phone: true,
        waitFor: new RegExp(seminar.region),
      },
      {
        name: 'edition-workspace',
        path: `/manage/editions/${tashkent.id}?section=agenda`,
        login: DEMO_ORGANIZER,
        waitFor: /Opening/,
      },
      {
        name: 'check-in',
        path: `/manage/editions/${tashkent.id}/check-in/${tashkent.startDate}`,
        login: DEMO_ORGANIZER,
        phone: true,
        waitFor: /checked in/,
      },
      {
        name: 'my-delegation',
        path: '/my/delegations',
        login: DEMO_FOCAL_POINT,
        phone: true,
        waitFor: /Uzbekistan/,
      },
      {
        name: 'edition-delegations',
        path: `/manage/editions/${ashgabat.id}?section=delegations`,
        login: DEMO_ORGANIZER,
        waitFor: /Turkmenistan/,
      },
      {
        name: 'programme-targets',
        path: `/trainings/programmes/${seminar.programme.id}`,
        login: DEMO_ORGANIZER,
        waitFor: /102[.,]5/,
      },
      {
        name: 'programme-cascade',
        path: `/trainings/programmes/${seminar.programme.id}/cascade`,
        login: DEMO_ORGANIZER,
        waitFor: /Sherzod Ismoilov/,
      },
    ];
    mkdirSync(OUT, { recursive: true });
    for (const shot of shots) {
      const context = await browser.newContext({
        baseURL: app.baseUrl,
        locale: shot.locale ?? 'en-GB',
        viewport: shot.phone ? PHONE : { width: 1280, height: 860 },
        deviceScaleFactor: 1,
      });
      if (shot.login) {
        // The session cookie, as the login page would get it.
        await context.request.post('/graphql', {
          data: {
            query: `mutation($input: LoginInput!) { login(input: $input) { user { id } } }`,
            variables: { input: shot.login },
          },
        });
      }
      const page = await context.newPage();
      await page.goto(shot.path);
      await page.getByText(shot.waitFor).first().waitFor();
      await page.screenshot({ path: join(OUT, `${shot.name}.png`) });
      console.log(`docs/screenshots/${shot.name}.png`);
      await context.close();
    }
  } finally {
    await browser.close();
    await app.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
