import type { Browser, Page } from 'playwright-core';
import { en, type Messages } from '../../../console/src/i18n/en';
import { zhCN } from '../../../console/src/i18n/zh-cn';
import {
  chromiumMissing,
  seedApprovedInstitution,
  signedInConsole,
  startConsolePlatform,
  type ConsolePlatform,
} from './console-browser.harness';
import { ADMIN_EMAIL, ADMIN_PASSWORD, type E2EPlatform } from './platform-harness';

/**
 * The operator console's own pages (运营端) in a real browser against the `npm start` platform on a temp data dir:
 * freezing and unfreezing an organization (zh-CN) and a mini-program (English), each through its list, with the reason
 * checked before anything is sent and the unfreeze confirmed. Screenshots go to artifacts/console/operator-<language>/,
 * axe-core checks each page (no serious or critical violation). The institution side is seeded over GraphQL: the pages
 * under test are the operator's.
 */
const missing = chromiumMissing();
if (missing) console.warn(`Skipping the operator console browser test: ${missing}`);
const describeBrowser = missing ? describe.skip : describe;

let platform: ConsolePlatform;
let e2e: E2EPlatform;
let browser: Browser;
let base: string;
let orgName: string;
let appName: string;

describeBrowser('the operator console pages in a real browser', () => {
  beforeAll(async () => {
    platform = await startConsolePlatform();
    ({ e2e, browser, base } = platform);
    ({ orgName, appName } = await seedInstitution(e2e.url));
  }, 300_000);
  afterAll(async () => {
    await platform?.stop();
  });

  it('zh-CN: freezes an organization with a reason (required before sending) and unfreezes it after confirming', async () => {
    const { page, check, done } = await operatorPage('zh-CN', zhCN);
    const L = zhCN;
    try {
      await page.getByRole('link', { name: L.operator.menu.organizations }).click();
      await page.waitForURL(/\/console\/operator\/organizations$/);
      const row = page.getByRole('row', { name: new RegExp(orgName) });
      await row.waitFor();
      await check('operator-organizations');

      await row.getByRole('button', { name: L.operator.freeze.freeze, exact: true }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByRole('button', { name: L.operator.freeze.freeze, exact: true }).click();
      await dialog.getByText(L.validation.required).waitFor(); // nothing sent without a reason
      await check('operator-freeze-dialog');
      await dialog.getByLabel(L.operator.freeze.reason).fill('  资质到期  ');
      await dialog.getByRole('button', { name: L.operator.freeze.freeze, exact: true }).click();
      await page.getByText(L.operator.organizations.frozenDone).waitFor();
      await row.getByText(`${L.operator.freeze.frozenReason}: 资质到期`).waitFor();

      // The frozen filter is the server's, and lives in the URL.
      await page.goto(`${base}/console/operator/organizations?frozen=true`);
      await page.getByRole('row', { name: new RegExp(orgName) }).waitFor();
      await page.goto(`${base}/console/operator/organizations?frozen=false`);
      await page.getByText(L.operator.organizations.empty).waitFor();

      await page.goto(`${base}/console/operator/organizations`);
      await row.getByRole('button', { name: L.operator.freeze.unfreeze, exact: true }).click();
      await visiblePopoverButton(page, L.operator.freeze.unfreeze).click();
      await page.getByText(L.operator.organizations.unfrozenDone).waitFor();
      await row.getByRole('button', { name: L.operator.freeze.freeze, exact: true }).waitFor();
      await check('operator-organizations-unfrozen');
    } finally {
      await done();
    }
  }, 180_000);

  it('en: freezes a mini-program found by search, shows the reason, and unfreezes it after confirming', async () => {
    const { page, check, done } = await operatorPage('en', en);
    const L = en;
    try {
      await page.getByRole('link', { name: L.operator.menu.miniPrograms }).click();
      await page.waitForURL(/\/console\/operator\/mini-programs$/);
      await page.getByRole('searchbox', { name: L.miniPrograms.search }).fill(appName);
      await page.getByRole('searchbox', { name: L.miniPrograms.search }).press('Enter');
      await page.waitForURL(/search=/);
      const row = page.getByRole('row', { name: new RegExp(appName) });
      await row.waitFor();
      await row.getByText(orgName).waitFor();
      await check('operator-mini-programs');

      await row.getByRole('button', { name: L.operator.freeze.freeze, exact: true }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel(L.operator.freeze.reason).fill('x'.repeat(501));
      await dialog.getByRole('button', { name: L.operator.freeze.freeze, exact: true }).click();
      await dialog.getByText(L.operator.freeze.reasonHint).nth(1).waitFor(); // too long: refused before sending
      await dialog.getByLabel(L.operator.freeze.reason).fill('Reported for fraud');
      await dialog.getByRole('button', { name: L.operator.freeze.freeze, exact: true }).click();
      await page.getByText(L.operator.miniPrograms.frozenDone).waitFor();
      await row.getByText(L.miniProgramStatus.FROZEN, { exact: true }).waitFor();
      await row.getByText(`${L.operator.freeze.frozenReason}: Reported for fraud`).waitFor();
      await check('operator-mini-programs-frozen');

      await row.getByRole('button', { name: L.operator.freeze.unfreeze, exact: true }).click();
      await visiblePopoverButton(page, L.operator.freeze.unfreeze).click();
      await page.getByText(L.operator.miniPrograms.unfrozenDone).waitFor();
      await row.getByText(L.miniProgramStatus.ACTIVE, { exact: true }).waitFor();

      // The organizations page in English too (both languages for at least one page).
      await page.getByRole('link', { name: L.operator.menu.organizations }).click();
      await page.getByRole('row', { name: new RegExp(orgName) }).waitFor();
      await check('operator-organizations');
    } finally {
      await done();
    }
  }, 180_000);
});

function visiblePopoverButton(page: Page, name: string) {
  return page.locator('.ant-popover:not(.ant-popover-hidden)').getByRole('button', { name, exact: true });
}

/** A signed-in operator page (through the login form) in the language; `check` screenshots and runs axe. */
function operatorPage(language: 'zh-CN' | 'en', L: Messages) {
  return signedInConsole(
    { browser, base },
    {
      group: 'operator',
      language,
      messages: L,
      identifier: ADMIN_EMAIL,
      password: ADMIN_PASSWORD,
      readyLink: L.operator.menu.organizations,
    },
  );
}

/** An approved organization with one mini-program, made over GraphQL (the institution pages are not under test). */
async function seedInstitution(url: string): Promise<{ orgName: string; appName: string }> {
  const orgName = 'Frost Trading Co';
  const appName = 'Frost Weather';
  await seedApprovedInstitution(url, {
    email: 'owner@operator-console.example',
    password: 'Operator-console-1',
    displayName: 'Owner',
    orgName,
    miniPrograms: [appName],
  });
  return { orgName, appName };
}
