import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { w3cPackage } from '../../../subgraphs/app-manage/src/app-manage.test-support';
import { en, type Messages } from '../../../console/src/i18n/en';
import { zhCN } from '../../../console/src/i18n/zh-cn';
import { buildConsole } from '../../../scripts/console-build';
import {
  ARTIFACTS_DIR,
  chromiumMissing,
  launchChromium,
  screenshot,
  seriousA11yViolations,
} from './console-browser.harness';
import {
  ADMIN_EMAIL,
  ADMIN_PASSWORD,
  startE2EPlatform,
  validCreditCode,
  type E2EPlatform,
} from './platform-harness';

/**
 * The web console's story, clicked through in a real browser (Debian's Chromium driven by playwright-core) against the
 * `npm start` platform on a temp data dir, in zh-CN and in English: an institution signs up and applies for an
 * organization, an operator approves it, the institution creates a mini-program and drops a package on it, submits it,
 * the operator inspects and approves it, the institution gray-releases it to 20% and completes the plan. Each main
 * page is screenshotted (artifacts/console/<language>/) and checked with axe-core (no serious or critical violation).
 * The console is built first when its build is stale (the time is printed).
 */
const missing = chromiumMissing();
if (missing) console.warn(`Skipping the console browser story: ${missing}`);
const describeBrowser = missing ? describe.skip : describe;

const CONSOLE_DIST = resolve(__dirname, '..', '..', '..', 'console', 'dist');
/** The longest a page may take to show what the step waits for (a loaded 2-core machine); steps end as soon as it shows. */
const STEP_MS = 30_000;

let e2e: E2EPlatform;
let browser: Browser;
let base: string;

describeBrowser('the web console story in a real browser', () => {
  beforeAll(async () => {
    const { built, ms } = buildConsole({ ifStale: true });
    console.log(built ? `console build: ${ms} ms` : 'console build: current, not rebuilt');
    e2e = await startE2EPlatform({ mode: 'embedded', env: { CONSOLE_DIR: CONSOLE_DIST } });
    base = e2e.url.replace(/\/graphql$/, '');
    browser = await launchChromium();
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await e2e?.stop();
  });

  // Both languages at once, each with its own institution and operator sessions: the story is mostly waiting for the
  // platform, so side by side keeps the run near the CI budget.
  it('zh-CN and en side by side: sign up, apply, approve, upload, review, gray-release 20% and complete', async () => {
    const results = await Promise.allSettled([story('zh-CN', zhCN), story('en', en)]);
    const failures = results.flatMap((r, i) =>
      r.status === 'rejected'
        ? [`${i === 0 ? 'zh-CN' : 'en'}: ${String((r.reason as Error)?.stack ?? r.reason)}`]
        : [],
    );
    if (failures.length) throw new Error(failures.join('\n\n'));
  }, 300_000);
});

async function story(language: 'zh-CN' | 'en', L: Messages): Promise<void> {
  const tag = language === 'en' ? 'en' : 'zh';
  const violations: Record<string, string[]> = {};
  const started = Date.now();
  const timings: string[] = [];
  const step = (name: string) => timings.push(`${name} at ${((Date.now() - started) / 1000).toFixed(1)} s`);
  const check = async (page: Page, name: string) => {
    await screenshot(page, language, name);
    const found = await seriousA11yViolations(page);
    if (found.length) violations[name] = found;
    writeFileSync(join(ARTIFACTS_DIR, language, 'axe-violations.json'), JSON.stringify(violations, null, 2));
  };
  const newPage = async (context: BrowserContext) => {
    const page = await context.newPage();
    page.setDefaultTimeout(STEP_MS);
    return page;
  };
  const visibleButton = (page: Page, name: string) =>
    page.locator('.ant-popover:not(.ant-popover-hidden)').getByRole('button', { name, exact: true });
  const switchLanguage = async (page: Page) => {
    if (language === 'en') await page.getByText('English', { exact: true }).click();
    await page
      .getByRole('heading', { name: language === 'en' ? L.login.title : L.login.title })
      .first()
      .waitFor()
      .catch(() => undefined);
  };

  const institution = await browser.newContext({
    viewport: { width: 1280, height: 720 },
    locale: language,
    reducedMotion: 'reduce',
  });
  const operator = await browser.newContext({
    viewport: { width: 1280, height: 720 },
    locale: language,
    reducedMotion: 'reduce',
  });
  try {
    step('1');
    // 1. The institution signs up (the language switch on the first page it sees).
    const owner = await newPage(institution);
    await owner.goto(`${base}/console/sign-up`);
    await switchLanguage(owner);
    await owner.getByRole('heading', { name: L.signUp.title }).waitFor();
    await owner.getByLabel(L.signUp.email, { exact: true }).fill(`owner-${tag}@console.example`);
    await owner.getByLabel(L.signUp.displayName, { exact: true }).fill(`Owner ${tag}`);
    await owner.getByLabel(L.signUp.password, { exact: true }).fill('short');
    await owner.getByRole('button', { name: L.signUp.submit, exact: true }).click();
    await owner.getByText(L.signUp.passwordRule).nth(1).waitFor(); // the rule shows as the field's error before anything is sent
    await owner.getByLabel(L.signUp.password, { exact: true }).fill('Console-owner-1');
    await check(owner, '01-sign-up');
    await owner.getByRole('button', { name: L.signUp.submit, exact: true }).click();

    step('2');

    // 2. …lands on the organization page and applies; the credit code is checked as it is typed.
    await owner.waitForURL(/\/console\/organization$/);
    await owner.getByText(L.organization.emptyHint).waitFor();
    const orgName = language === 'en' ? 'Console Story Ltd' : '控制台故事有限公司';
    await owner.getByLabel(L.organization.name, { exact: true }).fill(orgName);
    const creditCode = validCreditCode();
    await owner.getByLabel(L.organization.creditCode, { exact: true }).fill(`O${creditCode.slice(1)}`);
    await owner
      .getByText(L.creditCode.notAllowed.replace('{{position}}', '1').replace('{{char}}', 'O'))
      .waitFor();
    await owner.getByLabel(L.organization.creditCode, { exact: true }).fill(creditCode);
    await owner.getByLabel(L.organization.contactName, { exact: true }).fill('Wang');
    await owner.getByLabel(L.organization.contactPhone, { exact: true }).fill('+8613700137000');
    await owner.getByLabel(L.organization.licence, { exact: true }).fill('licences/console.pdf');
    await owner.getByRole('button', { name: L.organization.submit, exact: true }).click();
    await owner.getByText(L.organizationStatus.PENDING, { exact: true }).waitFor();
    await check(owner, '02-organization-pending');

    step('3');

    // 3. The operator signs in and approves the application from the review queue.
    const admin = await newPage(operator);
    await admin.goto(`${base}/console/organization`); // a deep link: signed out, so the login page first
    await switchLanguage(admin);
    await admin.waitForURL(/\/console\/login$/);
    await check(admin, '03-login');
    await admin.getByLabel(L.login.identifier, { exact: true }).fill(ADMIN_EMAIL);
    await admin.getByLabel(L.login.password, { exact: true }).fill(ADMIN_PASSWORD);
    await admin.getByRole('button', { name: L.login.submit, exact: true }).click();
    await admin.waitForURL(/\/console\/organization$/); // back where the deep link pointed
    await admin.getByRole('link', { name: L.menu.organizationReviews }).click();
    const application = admin.getByRole('row', { name: new RegExp(orgName) });
    await application.waitFor();
    await check(admin, '04-organization-reviews');
    await application.getByRole('button', { name: L.review.approve, exact: true }).click();
    await visibleButton(admin, L.review.approve).click();
    await admin.getByText(L.organizationReviews.approved).waitFor();

    step('4');

    // 4. The institution sees it approved, and creates a mini-program.
    await owner.reload();
    await owner.getByText(L.organizationStatus.APPROVED, { exact: true }).waitFor();
    await owner.getByRole('link', { name: L.menu.miniPrograms }).click();
    await owner.getByText(L.miniPrograms.emptyHint).waitFor();
    await check(owner, '05-mini-programs-empty');
    await owner.getByRole('button', { name: L.miniPrograms.create, exact: true }).click();
    const appName = language === 'en' ? 'Story Shop' : '故事商城';
    await owner.getByRole('dialog').getByLabel(L.miniPrograms.name, { exact: true }).fill(appName);
    await owner.getByRole('dialog').getByRole('button', { name: L.common.create, exact: true }).click();
    await owner.waitForURL(/\/console\/mini-programs\/[^/?]+$/);
    const appId = decodeURIComponent(new URL(owner.url()).pathname.split('/').pop()!);

    step('5');

    // 5. …drops a package on the upload area (with progress), and submits the version for review.
    await owner.getByLabel(L.versions.versionName, { exact: true }).first().fill('1.0.0');
    const zip = await w3cPackage(appId, '1.0.0', 1);
    const dataTransfer = await owner.evaluateHandle(
      // Runs in the page (its DataTransfer and File: the root program has no DOM types).
      (bytes) => {
        const transfer = new (globalThis as any).DataTransfer();
        transfer.items.add(
          new (globalThis as any).File([new Uint8Array(bytes)], 'story.zip', { type: 'application/zip' }),
        );
        return transfer;
      },
      [...zip],
    );
    await owner.locator('.ant-upload-drag .ant-upload-btn').dispatchEvent('drop', { dataTransfer });
    const versionRow = owner.getByRole('row', { name: /1\.0\.0/ });
    await versionRow.getByText(L.versionStatus.DEVELOPMENT, { exact: true }).waitFor();
    await check(owner, '06-mini-program-versions');
    await versionRow.getByRole('button', { name: L.versions.submit, exact: true }).click();
    await versionRow.getByText(L.versionStatus.SUBMITTED, { exact: true }).waitFor();

    step('6');

    // 6. The operator inspects the package (files and manifest) and approves the version.
    await admin.getByRole('link', { name: L.menu.versionReviews }).click();
    const review = admin.getByRole('row', { name: new RegExp(appName) });
    await review.waitFor();
    await review.getByRole('button', { name: L.versionReviews.inspect, exact: true }).click();
    const drawer = admin.locator('.ant-drawer-content');
    await drawer.getByText('manifest.json', { exact: true }).waitFor();
    await drawer
      .getByText(/pages\/index\/index/)
      .first()
      .waitFor();
    await check(admin, '07-version-review-package');
    await admin.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });
    await check(admin, '08-version-reviews');
    await review.getByRole('button', { name: L.review.approve, exact: true }).click();
    await visibleButton(admin, L.review.approve).click();
    await admin.getByText(L.versionReviews.approved).waitFor();

    step('7');

    // 7. The institution gray-releases the approved version to 20% of mobile devices…
    await owner.reload();
    await versionRow.getByText(L.versionStatus.APPROVED, { exact: true }).waitFor();
    await versionRow.getByRole('button', { name: L.versions.grayRelease, exact: true }).click();
    await owner.waitForURL(/tab=releases/);
    await owner.getByLabel(L.releases.ruleName, { exact: true }).fill('mobile');
    // The rule engine learns of the mini-program from app-manage's events: until then it refuses, as it would a person.
    await retryUntilShown(
      owner,
      () => owner.getByRole('button', { name: L.releases.createRule, exact: true }).click(),
      L.releases.ruleCreated,
    );
    // The plan form's field comes before the plans' sortable "percentage" header, which antd labels the same.
    await owner.getByLabel(L.releases.percentage, { exact: true }).first().fill('20');
    await retryUntilShown(
      owner,
      () => owner.getByRole('button', { name: L.releases.start, exact: true }).click(),
      L.releases.started,
    );
    const planRow = owner.getByRole('row', { name: /mobile/ });
    await planRow.getByText(L.planState.ACTIVE, { exact: true }).waitFor();
    await planRow.getByText('20%', { exact: true }).waitFor();
    await check(owner, '09-release-plan-active');

    step('8');

    // 8. …and completes it: the version is published to everyone.
    await planRow.getByRole('button', { name: L.releases.complete, exact: true }).click();
    await visibleButton(owner, L.common.confirm).click();
    await planRow.getByText(L.planState.COMPLETED, { exact: true }).waitFor();
    await check(owner, '10-release-plan-completed');
    await owner.getByRole('tab', { name: L.miniProgram.versions }).click();
    await versionRow.getByText(L.versionStatus.PUBLISHED, { exact: true }).waitFor();

    step('done');
    console.log(`${language} story: ${timings.join(', ')}`);
    expect(violations).toEqual({});
  } catch (error) {
    // What each person saw when the story stopped, beside the main pages' screenshots.
    for (const [who, context] of [
      ['institution', institution],
      ['operator', operator],
    ] as const) {
      for (const [i, page] of context.pages().entries())
        await screenshot(page, language, `failure-${who}-${i}`).catch(() => undefined);
    }
    throw error;
  } finally {
    await institution.close();
    await operator.close();
  }
}

/** Clicks until the success message shows (each click answered with an error toast or the success one). */
async function retryUntilShown(page: Page, click: () => Promise<void>, success: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    await click();
    const outcome = await Promise.race([
      page
        .getByText(success)
        .first()
        .waitFor()
        .then(() => 'ok' as const),
      page
        .locator('.ant-message-error')
        .last()
        .waitFor()
        .then(() => 'error' as const),
    ]);
    if (outcome === 'ok') return;
    if (attempt >= 50)
      throw new Error(
        `"${success}" never showed: ${await page.locator('.ant-message-error').last().textContent()}`,
      );
    await page.locator('.ant-message-error').last().waitFor({ state: 'detached' });
  }
}
