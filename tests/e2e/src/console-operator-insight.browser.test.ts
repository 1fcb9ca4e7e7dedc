import { readFileSync } from 'node:fs';
import type { Browser, Locator, Page } from 'playwright-core';
import { generateLicenseKeyPair, signLicense, type LicensePayload } from '@grove/license';
import { en, type Messages } from '../../../console/src/i18n/en';
import { zhCN } from '../../../console/src/i18n/zh-cn';
import {
  STEP_MS,
  chromiumMissing,
  seedApprovedInstitution,
  signedInConsole,
  startConsolePlatform,
  type ConsolePlatform,
} from './console-browser.harness';
import { ADMIN_EMAIL, ADMIN_PASSWORD, type E2EPlatform } from './platform-harness';

/**
 * The operator's insight pages (运营端) in a real browser against one `npm start` platform on a temp data dir: the
 * platform overview (statistic cards, the chart and its table view; English and zh-CN), the operation log (server
 * filter and page size in the URL, next / previous by the cursor stack, a row's details, the CSV of the filter) and the
 * license (usage against limits; a document that is not JSON refused before sending, a forged one refused by the
 * server beside the field, a vendor-signed one expiring in 10 days installed after confirming, then the warning).
 * Screenshots go to artifacts/console/operator-insight-<language>/, axe-core checks each page.
 */
const missing = chromiumMissing();
if (missing) console.warn(`Skipping the operator insight browser test: ${missing}`);
const describeBrowser = missing ? describe.skip : describe;

const MINI_PROGRAMS = 12;
const vendor = generateLicenseKeyPair();

let platform: ConsolePlatform;
let e2e: E2EPlatform;
let browser: Browser;
let base: string;

describeBrowser('the operator insight pages in a real browser', () => {
  beforeAll(async () => {
    platform = await startConsolePlatform({ LICENSE_PUBLIC_KEY: vendor.publicKeyPem });
    ({ e2e, browser, base } = platform);
    await seedInstitution(e2e.url);
  }, 300_000);
  afterAll(async () => {
    await platform?.stop();
  });

  it('en: overview with chart and table, operation log with filters, cursor paging, details and CSV, license install', async () => {
    const { page, check, done } = await operatorPage('en', en);
    const L = en.opInsight;
    try {
      // Platform overview: the last 30 days by default, totals as cards, the chart drawn, its numbers as a table.
      await page.getByRole('link', { name: L.menu.overview }).click();
      await page.waitForURL(/\/console\/operator\/overview$/);
      await page.getByRole('heading', { name: L.overview.atEnd }).waitFor();
      await page.locator('[role="img"] svg').first().waitFor();
      const summary = await page.getByRole('img').first().getAttribute('aria-label');
      expect(summary).toContain(`${L.overview.launches}: total`);
      await check('platform-overview');
      await page.getByText(L.overview.viewTable, { exact: true }).click();
      await page.waitForURL(/view=table/);
      await page.getByRole('columnheader', { name: L.overview.day }).waitFor();
      expect(await page.getByRole('row').count()).toBeGreaterThan(28); // 30 days on one page (and the header)
      await check('platform-overview-table');

      // Operation log: filter by action, 10 a page, next / previous through the cursor stack in the URL.
      await page.getByRole('link', { name: L.menu.operationLog }).click();
      await page.waitForURL(/\/console\/operator\/operation-log$/);
      await page.getByRole('cell', { name: 'approveOrganization' }).waitFor();
      await page.getByLabel(L.log.action).fill('createMiniProgram');
      await page.getByRole('button', { name: L.log.search, exact: true }).click();
      await page.waitForURL(/action=createMiniProgram/);
      await page.goto(`${page.url()}&size=10`);
      const created = page.getByRole('cell', { name: 'createMiniProgram', exact: true });
      await page.getByText(L.log.page.replace('{{page}}', '1')).waitFor();
      await countReaches(created, 10);
      await page.getByRole('button', { name: L.log.next, exact: true }).click();
      await page.waitForURL(/after=/);
      await page.getByText(L.log.page.replace('{{page}}', '2')).waitFor();
      await countReaches(created, MINI_PROGRAMS - 10);
      expect(await page.getByRole('button', { name: L.log.next, exact: true }).isDisabled()).toBe(true);
      await page.getByRole('button', { name: L.log.previous, exact: true }).click();
      await page.getByText(L.log.page.replace('{{page}}', '1')).waitFor();
      await countReaches(created, 10);
      expect(new URL(page.url()).searchParams.getAll('after')).toEqual([]);

      // A row's details: what changed, the request id, the source IP.
      await page.locator('.ant-table-row-expand-icon').first().click();
      await page.getByText(L.log.requestId, { exact: true }).waitFor();
      await page.getByText(L.log.clientIp, { exact: true }).waitFor();
      await check('operation-log');

      // The CSV of the current filter: every line of it (not only the page), named after the filter.
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: L.log.download, exact: true }).click(),
      ]);
      expect(download.suggestedFilename()).toMatch(
        /^grove-operation-log-\d{8}T\d{6}Z-action-createMiniProgram\.csv$/,
      );
      const csv = readFileSync((await download.path())!, 'utf8').replace(/^\uFEFF/, '');
      const lines = csv.split('\r\n').filter((line) => line.length > 0);
      expect(lines).toHaveLength(MINI_PROGRAMS + 1); // the header and one line per mini-program created
      expect(lines.slice(1).every((line) => line.includes('createMiniProgram'))).toBe(true);
      await page.getByText(L.log.downloaded.replace('{{rows}}', String(MINI_PROGRAMS))).waitFor();

      // License: the evaluation license in force, usage against its limits.
      await page.getByRole('link', { name: L.menu.license }).click();
      await page.waitForURL(/\/console\/operator\/license$/);
      await page.getByText(L.license.evaluationHint).waitFor();
      const miniPrograms = page.getByRole('row', { name: new RegExp(`^${L.license.limitMINI_PROGRAMS}`) });
      await miniPrograms.getByRole('cell', { name: String(MINI_PROGRAMS), exact: true }).waitFor();
      await check('license');

      await page.getByRole('button', { name: L.license.install, exact: true }).click();
      const dialog = page.getByRole('dialog');
      const field = dialog.getByLabel(L.license.document);
      await field.fill('not a license');
      await dialog.getByRole('button', { name: L.license.installButton, exact: true }).click();
      await dialog.getByText(L.license.notJson).waitFor(); // refused before anything is sent

      const forged = signLicense(licensePayload(10), generateLicenseKeyPair().privateKeyPem);
      await field.fill(JSON.stringify(forged));
      await dialog.getByRole('button', { name: L.license.installButton, exact: true }).click();
      await confirmButton(page, L.license.installButton).click();
      await dialog.locator('.ant-form-item-explain-error').waitFor(); // the server's refusal, beside the field
      await check('license-install-refused');

      const signed = signLicense(licensePayload(10), vendor.privateKeyPem);
      await field.fill(JSON.stringify(signed, null, 2));
      await dialog.getByRole('button', { name: L.license.installButton, exact: true }).click();
      await confirmButton(page, L.license.installButton).click();
      await page.getByText(L.license.installed.replace('{{licenseId}}', signed.payload.licenseId)).waitFor();
      await page.getByText(L.license.expiringTitle).waitFor();
      await page.getByText(L.license.expiring.replace('{{days}}', '10')).waitFor();
      await page // in the history, in force
        .getByRole('cell', { name: `${signed.payload.licenseId} ${L.license.active}`, exact: true })
        .waitFor();
      await check('license-installed');
    } finally {
      await done();
    }
  }, 240_000);

  it('zh-CN: the platform overview', async () => {
    const { page, check, done } = await operatorPage('zh-CN', zhCN);
    const L = zhCN.opInsight;
    try {
      await page.getByRole('link', { name: L.menu.overview }).click();
      await page.getByRole('heading', { name: L.overview.atEnd }).waitFor();
      await page.locator('[role="img"] svg').first().waitFor();
      await page.getByText(L.overview.organizationsFrozen.replace('{{count}}', '0')).waitFor();
      // A reversed period is refused before anything is sent.
      await page.goto(`${base}/console/operator/overview?from=2026-03-20&to=2026-03-01`);
      await page.getByText(L.overview.orderProblem).waitFor();
      await page.getByRole('button', { name: L.overview.last7, exact: true }).click();
      await page.getByRole('heading', { name: L.overview.atEnd }).waitFor();
      await check('platform-overview');
    } finally {
      await done();
    }
  }, 120_000);
});

function licensePayload(daysLeft: number): LicensePayload {
  return {
    licenseId: `console-${Date.now()}`,
    licensee: 'Acme Bank',
    issuedAt: new Date(Date.now() - 60_000).toISOString(),
    // Half a day short of the full days, so the page's count of days left is the same whenever it runs.
    expiresAt: new Date(Date.now() + (daysLeft - 0.5) * 86_400_000).toISOString(),
    limits: { miniPrograms: 100, hostApps: 10, concurrentGrayReleases: 5, organizations: 10 },
  };
}

/** Waits until the locator matches exactly `count` elements (the table re-renders when the page changes). */
async function countReaches(locator: Locator, count: number): Promise<void> {
  const deadline = Date.now() + STEP_MS;
  let last = -1;
  while (Date.now() < deadline) {
    last = await locator.count();
    if (last === count) return;
    await locator.page().waitForTimeout(100);
  }
  throw new Error(`expected ${count} matches, still ${last} after ${STEP_MS} ms`);
}

function confirmButton(page: Page, name: string) {
  return page.locator('.ant-modal-confirm').getByRole('button', { name, exact: true });
}

/** A signed-in operator page (through the login form) in the language; `check` screenshots and runs axe. */
function operatorPage(language: 'zh-CN' | 'en', L: Messages) {
  return signedInConsole(
    { browser, base },
    {
      group: 'operator-insight',
      language,
      messages: L,
      identifier: ADMIN_EMAIL,
      password: ADMIN_PASSWORD,
      readyLink: L.opInsight.menu.overview,
      acceptDownloads: true,
    },
  );
}

/** An approved organization with 12 mini-programs, made over GraphQL: lines in the operation log, totals to show. */
async function seedInstitution(url: string): Promise<void> {
  await seedApprovedInstitution(url, {
    email: 'owner@operator-insight.example',
    password: 'Operator-insight-1',
    displayName: 'Owner',
    orgName: 'Insight Trading Co',
    miniPrograms: Array.from({ length: MINI_PROGRAMS }, (_, i) => `Insight App ${i + 1}`),
  });
}
