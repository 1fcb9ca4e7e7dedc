import type { Browser, Page } from 'playwright-core';
import {
  ApplyForOrganizationDocument,
  ApproveOrganizationDocument,
  LoginDocument,
  OpPlatformAddWhitelistDocument,
  SignUpDocument,
} from '../../../schema/generated/graphql';
import { baseLibraryZip, sdkArtifactZip } from '../../../subgraphs/sdk/src/sdk.test-support';
import { en, type Messages } from '../../../console/src/i18n/en';
import { zhCN } from '../../../console/src/i18n/zh-cn';
import {
  chromiumMissing,
  signedInConsole,
  startConsolePlatform,
  type ConsolePlatform,
} from './console-browser.harness';
import { dataOf, execute } from './graphql-client';
import { ADMIN_EMAIL, ADMIN_PASSWORD, validCreditCode, type E2EPlatform } from './platform-harness';

/**
 * The operator's platform catalogue and accounts pages (运营端) in a real browser against the `npm start` platform on a
 * temp data dir, in one platform start: the whitelist (a wrong scheme refused as typed, add, remove after confirming),
 * base libraries and SDK versions (a ZIP published with its details checked first, disable after confirming, the
 * state filter in the URL), the global SDK configuration (an out-of-range value refused before sending, saved, seen in
 * the history), the SDK build queue (inspect, reject with a reason) and operator accounts (create with the password
 * shown once, disable after confirming). English, and the whitelist and SDK configuration also in zh-CN. Screenshots in
 * artifacts/console/operator-platform-<language>/, axe-core on each page (no serious or critical violation).
 */
const missing = chromiumMissing();
if (missing) console.warn(`Skipping the operator platform console browser test: ${missing}`);
const describeBrowser = missing ? describe.skip : describe;

let platform: ConsolePlatform;
let e2e: E2EPlatform;
let browser: Browser;
let base: string;

describeBrowser('the operator platform pages in a real browser', () => {
  beforeAll(async () => {
    platform = await startConsolePlatform();
    ({ e2e, browser, base } = platform);
    await seedSdkBuild(e2e.url, base);
  }, 300_000);
  afterAll(async () => {
    await platform?.stop();
  });

  it('en: whitelist, base libraries, SDK versions, SDK configuration, SDK build reviews, operator accounts', async () => {
    const { page, check, done } = await operatorPage('en', en);
    const L = en.opPlatform;
    try {
      // Whitelist: checked as typed, added, removed after the confirmation.
      await page.getByRole('link', { name: L.menu.whitelist }).click();
      await page.waitForURL(/\/console\/operator\/whitelist$/);
      await page.getByText(L.whitelist.empty).waitFor();
      // By role: the list's sortable "domain" header carries the same label.
      const domain = page.getByRole('textbox', { name: L.whitelist.domain });
      await domain.fill('http://trusted.example.com');
      await page.getByRole('button', { name: L.whitelist.add }).click();
      await page.getByText(L.whitelist.problemScheme).waitFor(); // refused before sending
      await domain.fill('https://Trusted.Example.com/');
      await page.getByLabel(L.whitelist.note, { exact: true }).fill('Partner bank');
      await page.getByRole('button', { name: L.whitelist.add }).click();
      await page.getByText(L.whitelist.added.replace('{{domain}}', 'trusted.example.com')).waitFor();
      const entry = page.getByRole('row', { name: /trusted\.example\.com/ });
      await entry.getByText('Partner bank').waitFor();
      await check('whitelist');
      await entry.getByRole('button', { name: L.whitelist.remove }).click();
      await visiblePopoverButton(page, L.whitelist.remove).click();
      await page.getByText(L.whitelist.empty).waitFor();

      // Base libraries: the details and the file are checked before the upload; then disabled after confirming.
      await page.getByRole('link', { name: L.menu.baseLibraries }).click();
      await page.waitForURL(/\/console\/operator\/base-libraries$/);
      await page.getByText(L.baseLibraries.empty).waitFor();
      await page.getByRole('button', { name: L.baseLibraries.publish }).click();
      let dialog = page.getByRole('dialog');
      await dialog.getByLabel(L.version, { exact: true }).fill('2.1');
      await dialog.getByLabel(L.baseLibraries.minSdkVersion).fill('1.0.0');
      await dialog.getByLabel(L.platform.IOS).check();
      await dialog.getByLabel(L.platform.ANDROID).check();
      await dialog.getByRole('button', { name: L.upload.submit }).click();
      await dialog.getByText(L.semver).nth(1).waitFor(); // "2.1" refused before sending
      await dialog
        .getByText(L.upload.fileRequired)
        .waitFor({ state: 'detached' })
        .catch(() => undefined);
      await dialog.getByLabel(L.version, { exact: true }).fill('2.1.0');
      await dialog.getByRole('button', { name: L.upload.submit }).click();
      await dialog.getByText(L.upload.fileRequired).waitFor();
      await dialog.locator('input[type=file]').setInputFiles({
        name: 'base-library-2.1.0.zip',
        mimeType: 'application/zip',
        buffer: await baseLibraryZip('2.1.0'),
      });
      await dialog.getByRole('button', { name: L.upload.submit }).click();
      await page.getByText(L.baseLibraries.published.replace('{{version}}', '2.1.0')).waitFor();
      const library = page.getByRole('row', { name: /2\.1\.0/ });
      await library.getByText(`${L.platform.IOS}, ${L.platform.ANDROID}`).waitFor();
      await check('base-libraries');
      await library.getByRole('button', { name: L.disable, exact: true }).click();
      await visiblePopoverButton(page, L.disable).click();
      await page.getByText(L.baseLibraries.disabledDone).waitFor();
      await library.getByText(L.disabled, { exact: true }).waitFor();
      // The state filter is the server's and lives in the URL.
      await page.goto(`${base}/console/operator/base-libraries?enabled=true`);
      await page.getByText(L.baseLibraries.empty).waitFor();
      await page.goto(`${base}/console/operator/base-libraries?enabled=false`);
      await page.getByRole('row', { name: /2\.1\.0/ }).waitFor();

      // SDK versions: published with its platform.
      await page.getByRole('link', { name: L.menu.sdkVersions }).click();
      await page.waitForURL(/\/console\/operator\/sdk-versions$/);
      await page.getByRole('button', { name: L.sdkVersions.publish }).click();
      dialog = page.getByRole('dialog');
      await dialog.getByLabel(L.version, { exact: true }).fill('3.0.0');
      await dialog.getByLabel(L.platformFilter).click();
      await page.locator('.ant-select-item-option', { hasText: L.platform.ANDROID }).click();
      await dialog.getByLabel(L.releaseNotes).fill('First Android SDK');
      await dialog.locator('input[type=file]').setInputFiles({
        name: 'sdk-3.0.0.zip',
        mimeType: 'application/zip',
        buffer: await sdkArtifactZip('sdk 3.0.0'),
      });
      await dialog.getByRole('button', { name: L.upload.submit }).click();
      await page.getByText(L.sdkVersions.published.replace('{{version}}', '3.0.0')).waitFor();
      await page
        .getByRole('row', { name: /3\.0\.0/ })
        .getByText(L.platform.ANDROID, { exact: true })
        .waitFor();
      await check('sdk-versions');

      // Global SDK configuration: out of range refused as typed; saved after the confirmation; in the history.
      await page.getByRole('link', { name: L.menu.sdkConfig }).click();
      await page.waitForURL(/\/console\/operator\/sdk-config$/);
      await page.getByText(L.sdkConfig.builtIn).waitFor();
      const cached = page.getByLabel(L.sdkConfig.maxCachedApplets);
      await cached.fill('501');
      await page.getByRole('button', { name: L.sdkConfig.save, exact: true }).click();
      await page.getByText('From 0 to 500').nth(1).waitFor(); // the field's error beside its hint
      await cached.fill('50');
      await page.getByRole('button', { name: L.sdkConfig.save, exact: true }).click();
      await page.locator('.ant-modal-confirm-title', { hasText: L.sdkConfig.saveConfirm }).waitFor();
      await page
        .locator('.ant-modal-confirm')
        .getByRole('button', { name: L.sdkConfig.save, exact: true })
        .click();
      await page.getByText(L.sdkConfig.saved.replace('{{version}}', '1')).waitFor();
      await page
        .getByRole('row', { name: new RegExp(L.sdkConfig.maxCachedApplets.replace(/[()]/g, '.')) })
        .waitFor();
      await check('sdk-config');

      // SDK build reviews: inspect the build, reject it with a reason.
      await page.getByRole('link', { name: L.menu.sdkBuildReviews }).click();
      await page.waitForURL(/\/console\/reviews\/sdk-builds$/);
      const build = page.getByRole('row', { name: /1\.4\.2/ });
      await build.getByRole('button', { name: L.sdkBuilds.inspect }).click();
      // The artifact's files, listed by the server from the ZIP.
      await page.getByText(L.sdkBuilds.files).waitFor();
      await page.getByRole('cell', { name: 'classes.jar', exact: true }).waitFor();
      await page.getByText('Signed build for the shop app').first().waitFor();
      await check('sdk-build-inspect');
      await page.keyboard.press('Escape');
      await build.getByRole('button', { name: en.review.reject, exact: true }).click();
      dialog = page.getByRole('dialog', { name: L.sdkBuilds.rejectTitle });
      await dialog.getByLabel(en.review.reason).fill('Unsigned frameworks');
      await dialog.getByRole('button', { name: en.review.reject, exact: true }).click();
      await page.getByText(L.sdkBuilds.rejected).waitFor();
      await page.getByText(L.sdkBuilds.empty).waitFor();
      await check('sdk-build-reviews');

      // Operator accounts: a bad email refused before sending; the generated password shown once; disabled.
      await page.getByRole('link', { name: L.menu.operators }).click();
      await page.waitForURL(/\/console\/operator\/accounts$/);
      await page.getByRole('button', { name: L.operators.create }).click();
      dialog = page.getByRole('dialog');
      await dialog.getByLabel(L.operators.email).fill('not-an-email');
      await dialog.getByLabel(L.operators.name).fill('Rita Reviewer');
      await dialog.getByRole('button', { name: en.common.create }).click();
      await dialog.getByText(en.validation.email).waitFor();
      await dialog.getByLabel(L.operators.email).fill('rita@grove.example');
      await dialog.getByRole('button', { name: en.common.create }).click();
      await page.getByText(L.operators.initialPasswordWarning).waitFor();
      await check('operator-created');
      await page.getByRole('button', { name: en.common.confirm }).click();
      const rita = page.getByRole('row', { name: /Rita Reviewer/ });
      await rita.getByText(L.role.OPERATOR_REVIEWER, { exact: true }).waitFor();
      // Another operator's role changes after a confirmation (changeOperatorRole).
      await rita
        .getByRole('combobox', { name: L.operators.roleChange.replace('{{name}}', 'Rita Reviewer') })
        .waitFor();
      await rita.locator('.ant-select-selector').click(); // the selected label covers the combobox input
      await page.locator('.ant-select-item-option', { hasText: L.role.OPERATOR_ADMIN }).click();
      await page.locator('.ant-modal-confirm').getByRole('button', { name: en.common.confirm }).click();
      await page.getByText(L.operators.roleChanged).waitFor();
      await rita.getByTitle(L.role.OPERATOR_ADMIN, { exact: true }).waitFor(); // the select shows the new role
      // Sorting is the server's, and the URL says which (?sort=name&dir=asc).
      await page.getByRole('columnheader', { name: L.operators.name }).click();
      await page.waitForURL(/\/operator\/accounts\?sort=name&dir=asc$/);
      await rita.waitFor();
      await rita.getByRole('button', { name: L.disable, exact: true }).click();
      await visiblePopoverButton(page, L.disable).click();
      await page.getByText(L.operators.disabledDone).waitFor();
      await rita.getByText(L.disabled, { exact: true }).waitFor();
      await check('operator-accounts');
    } finally {
      await done();
    }
  }, 240_000);

  it('zh-CN: the whitelist (sorted on the server) and the SDK configuration with its history', async () => {
    // Added z before a: the default order (domain A–Z) and the order of addition differ.
    const admin = dataOf(
      await execute(e2e.url, LoginDocument, { input: { identifier: ADMIN_EMAIL, password: ADMIN_PASSWORD } }),
    ).login.accessToken;
    for (const domain of ['zeta-bank.example', 'alpha-bank.example'])
      dataOf(await execute(e2e.url, OpPlatformAddWhitelistDocument, { domain }, { token: admin }));
    const { page, check, done } = await operatorPage('zh-CN', zhCN);
    const L = zhCN.opPlatform;
    try {
      await page.getByRole('link', { name: L.menu.whitelist }).click();
      const domains = page.locator('.ant-table-tbody tr.ant-table-row td:first-child');
      await domains.first().filter({ hasText: 'alpha-bank.example' }).waitFor();
      // A header sorts on the server, and the URL says which (?sort=createdAt&dir=asc): oldest first.
      await page.getByRole('columnheader', { name: L.createdAt }).click();
      await page.waitForURL(/\/operator\/whitelist\?sort=createdAt&dir=asc$/);
      await domains.first().filter({ hasText: 'zeta-bank.example' }).waitFor();
      expect(await domains.allInnerTexts()).toEqual(['zeta-bank.example', 'alpha-bank.example']);
      await page.getByRole('textbox', { name: L.whitelist.domain }).fill('10.0.0.1');
      await page.getByRole('button', { name: L.whitelist.add }).click();
      await page.getByText(L.whitelist.problemIp).waitFor();
      await check('whitelist');
      await page.getByRole('link', { name: L.menu.sdkConfig }).click();
      await page.getByText(L.sdkConfig.versionInfo.split(' ')[0]!).first().waitFor();
      await page.getByRole('row', { name: new RegExp(L.sdkConfig.maxCachedApplets) }).waitFor();
      await check('sdk-config');
    } finally {
      await done();
    }
  }, 120_000);
});

function visiblePopoverButton(page: Page, name: string) {
  return page.locator('.ant-popover:not(.ant-popover-hidden)').getByRole('button', { name, exact: true });
}

/** A signed-in operator page (through the login form) in the language; `check` screenshots and runs axe. */
function operatorPage(language: 'zh-CN' | 'en', L: Messages) {
  return signedInConsole(
    { browser, base },
    {
      group: 'operator-platform',
      language,
      messages: L,
      identifier: ADMIN_EMAIL,
      password: ADMIN_PASSWORD,
      readyLink: L.opPlatform.menu.whitelist,
    },
  );
}

/** An approved organization that submitted one SDK build (over GraphQL and REST: the institution side is not under test). */
async function seedSdkBuild(url: string, origin: string): Promise<void> {
  const admin = dataOf(
    await execute(url, LoginDocument, { input: { identifier: ADMIN_EMAIL, password: ADMIN_PASSWORD } }),
  ).login.accessToken;
  const email = 'owner@sdk-builds.example';
  const password = 'Sdk-builds-owner-1';
  dataOf(await execute(url, SignUpDocument, { input: { email, password, displayName: 'Owner' } }));
  let token = dataOf(await execute(url, LoginDocument, { input: { identifier: email, password } })).login
    .accessToken;
  const org = dataOf(
    await execute(
      url,
      ApplyForOrganizationDocument,
      {
        input: {
          name: 'Harbor Retail Co',
          creditCode: validCreditCode(),
          contactName: 'Owner',
          contactPhone: '+8613800138000',
          licenceDocumentRef: 'licences/harbor.pdf',
        },
      },
      { token },
    ),
  ).applyForOrganization;
  dataOf(await execute(url, ApproveOrganizationDocument, { id: org.id }, { token: admin }));
  token = dataOf(await execute(url, LoginDocument, { input: { identifier: email, password } })).login
    .accessToken;
  const query = new URLSearchParams({
    orgId: org.id,
    platform: 'IOS',
    version: '1.4.2',
    notes: 'Signed build for the shop app',
  });
  const response = await fetch(`${origin}/uploads/sdk-builds?${query.toString()}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/zip' },
    body: new Uint8Array(await sdkArtifactZip('build 1.4.2')),
  });
  if (response.status !== 201)
    throw new Error(`SDK build upload: ${response.status} ${await response.text()}`);
}
