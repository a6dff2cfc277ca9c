import { Browser } from 'playwright-core';
import { ParsedMail } from 'mailparser';
import {
  anAccount,
  aPerson,
  aProgramme,
  aTrainingEvent,
  attendanceOn,
  enroll,
  theInteriorMinistry,
} from '../factories';
import { TestSmtpServer } from '../support/smtp';
import {
  accessibilityProblems,
  launchBrowser,
  newPage,
  PHONE,
  startWebApp,
  WebApp,
} from './support/browser';

const texts = (en: string, ru: string, uz: string) => ({ en, ru, uz });
const QUESTIONS = [
  {
    type: 'RATING',
    text: texts('Overall satisfaction', 'Общая удовлетворенность', 'Umumiy mamnunlik'),
    lowLabel: texts('Poor', 'Плохо', 'Yomon'),
    highLabel: texts('Excellent', 'Отлично', 'Aʼlo'),
  },
  {
    type: 'RATING',
    text: texts('Usefulness for your work', 'Польза для работы', 'Ish uchun foydasi'),
    lowLabel: texts('None', 'Никакой', 'Yoʻq'),
    highLabel: texts('Great', 'Большая', 'Katta'),
  },
  {
    type: 'TEXT',
    text: texts('What should we improve?', 'Что улучшить?', 'Nimani yaxshilash kerak?'),
  },
];

/**
 * In a browser: a trainee opens the evaluation link from her mail on a phone, in Russian,
 * answers with the big rating buttons and a text, and the link then says it was answered.
 */
describe('in a browser: a trainee answers an evaluation from the mailed link', () => {
  let app: WebApp;
  let browser: Browser;
  let smtp: TestSmtpServer;
  let formId: string;
  let trainerToken: string;
  let link: string;

  beforeAll(async () => {
    smtp = await TestSmtpServer.listen();
    [app, browser] = await Promise.all([
      startWebApp({
        SMTP_URL: smtp.url,
        MAIL_RATE_PER_SECOND: '1000',
        EVALUATION_JOB_MINUTES: '0',
      }),
      launchBrowser(),
    ]);
    const trainer = await anAccount(app, 'TRAINER');
    trainerToken = trainer.token;
    const owner = await theInteriorMinistry().create(app);
    const programme = await aProgramme(owner.id).create(app);
    const event = await aTrainingEvent(programme.id).ledBy(trainer.id).create(app);
    const person = await aPerson()
      .named('Malika Qodirova', 'Малика Кодирова')
      .speaking('RU')
      .withEmail('malika@example.org')
      .create(app);
    const { id } = await enroll(app, event.id, person.id, trainer.token);
    await attendanceOn(event.id, '2023-03-14').present(id).record(app, trainer.token);
    const form = await app.ok(
      `mutation($input: SaveEvaluationFormInput!) { saveEvaluationForm(input: $input) { id } }`,
      {
        input: {
          trainingEventId: event.id,
          kind: 'END',
          anonymous: true,
          reminderDays: 7,
          questions: QUESTIONS,
        },
      },
      trainer.token,
    );
    formId = form.saveEvaluationForm.id;
    await app.ok(
      `mutation($id: ID!) { sendEvaluation(formId: $id) { id } }`,
      { id: formId },
      trainer.token,
    );
    const mail: ParsedMail = await waitForMail(smtp);
    link = /https?:\/\/\S+\/evaluate\/[A-Za-z0-9_-]+/.exec(mail.text ?? '')![0];
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await smtp?.close();
  });

  it('answers on a phone, once', async () => {
    const { context, page, errors } = await newPage(browser, app, {
      locale: 'ru-RU',
      viewport: PHONE,
    });
    await page.goto(link);
    await page.getByRole('heading', { name: 'Ваш отзыв' }).waitFor();
    await page.getByText('Ваши ответы анонимны.').waitFor();
    const first = page.getByRole('group', { name: '1. Общая удовлетворенность' });
    await first.getByRole('button', { name: '5' }).click();
    expect(await first.getByRole('button', { name: '5' }).getAttribute('aria-pressed')).toBe(
      'true',
    );
    const box = await first.getByRole('button', { name: '5' }).boundingBox();
    expect(box!.height).toBeGreaterThanOrEqual(48);
    await page
      .getByRole('group', { name: '2. Польза для работы' })
      .getByRole('button', { name: '4' })
      .click();
    await page
      .getByRole('textbox', { name: '3. Что улучшить?' })
      .fill('Больше практических занятий');
    expect(await accessibilityProblems(page)).toEqual([]);
    // Nothing wider than the phone.
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(
      PHONE.width,
    );
    await page.getByRole('button', { name: 'Отправить ответы' }).click();
    await page.getByText('Спасибо! Ваши ответы получены.').waitFor();

    await page.reload();
    await page.getByText('Спасибо: ваши ответы уже получены.').waitFor();
    await page.goto('/evaluate/a-link-nobody-was-sent');
    await page.getByText('Ссылка не найдена.', { exact: false }).waitFor();
    expect(errors.filter((e) => !e.includes('404'))).toEqual([]);
    await context.close();

    const results = await app.ok(
      `query($id: ID!) { evaluationResults(formId: $id) { invited answered } }`,
      { id: formId },
      trainerToken,
    );
    expect(results.evaluationResults).toEqual({ invited: 1, answered: 1 });
  });
});

async function waitForMail(smtp: TestSmtpServer): Promise<ParsedMail> {
  for (let i = 0; i < 200; i++) {
    const mail = smtp.received.find((m) => m.subject?.includes('Ваш отзыв'));
    if (mail) return mail;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('no evaluation mail arrived');
}
