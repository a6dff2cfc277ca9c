import { Browser } from 'playwright-core';
import { anEdition, aSeries } from '../factories';
import {
  accessibilityProblems,
  launchBrowser,
  newPage,
  startWebApp,
  WebApp,
} from './support/browser';

describe('in a browser: the home page and GraphiQL', () => {
  let app: WebApp;
  let browser: Browser;
  beforeAll(async () => {
    [app, browser] = await Promise.all([startWebApp({ MAIL_WORKER: 'off' }), launchBrowser()]);
    const series = await aSeries(app);
    await anEdition(series.id).inYear(2022).published().create(app);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('shows the published editions in the reader’s language, with no accessibility problem', async () => {
    const { context, page, errors } = await newPage(browser, app, { locale: 'ru-RU' });
    await page.goto('/');
    await page.getByRole('heading', { name: 'Региональные конференции' }).waitFor();
    await page.getByRole('link', { name: /Strengthening National/ }).waitFor();
    expect(await accessibilityProblems(page)).toEqual([]);
    // Its scripts travel compressed.
    const scripts = await page.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .map(
          (entry) =>
            entry as unknown as { name: string; encodedBodySize: number; decodedBodySize: number },
        )
        .filter((entry) => entry.name.endsWith('.js'))
        .map(({ encodedBodySize, decodedBodySize }) => ({ encodedBodySize, decodedBodySize })),
    );
    const largest = scripts.sort((a, b) => b.decodedBodySize - a.decodedBodySize)[0];
    expect(largest.encodedBodySize).toBeLessThan(largest.decodedBodySize / 2);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('loads GraphiQL from this server and runs a query with no console error', async () => {
    const { context, page, errors } = await newPage(browser, app);
    await page.goto('/graphiql');
    // The run button works once GraphiQL has loaded the schema: press it until it answers.
    const answer = page.locator('.result-window').getByText('"totalCount": 1');
    for (let attempt = 0; attempt < 10 && !(await answer.isVisible()); attempt++) {
      await page.getByRole('button', { name: /execute query/i }).click();
      await answer.waitFor({ timeout: 1000 }).catch(() => undefined);
    }
    await answer.waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('the weight of the public pages', () => {
  it('loads at most 250 KB of compressed JavaScript before a public page is usable (measured by the build)', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const report = require('../../dist/web/bundle-report.json');
    expect(report.limitKb).toBe(250);
    expect(report.publicPageKb).toBeLessThanOrEqual(250);
  });
});
