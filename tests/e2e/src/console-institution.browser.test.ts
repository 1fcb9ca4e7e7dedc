import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { en, type Messages } from '../../../console/src/i18n/en';
import { zhCN } from '../../../console/src/i18n/zh-cn';
import {
  ApplyForOrganizationDocument,
  ApproveOrganizationDocument,
  CreateMiniProgramDocument,
  LoginDocument,
  SignUpDocument,
} from '../../../schema/generated/graphql';
import { buildConsole } from '../../../scripts/console-build';
import {
  ARTIFACTS_DIR,
  chromiumMissing,
  launchChromium,
  screenshot,
  seriousA11yViolations,
} from './console-browser.harness';
import { dataOf, execute } from './graphql-client';
import {
  ADMIN_EMAIL,
  ADMIN_PASSWORD,
  startE2EPlatform,
  validCreditCode,
  type E2EPlatform,
} from './platform-harness';

/**
 * The institution console's (企业端) member, mini-program settings, domain, trial, host app and SDK pages in a real
 * browser against the `npm start` platform: an approved organization with one mini-program is set up over GraphQL,
 * then its owner clicks through each page — in English, and the members and host-app pages in zh-CN too. Each page is
 * screenshotted (artifacts/console/institution-<language>/) and checked with axe-core (no serious or critical violation).
 */
const missing = chromiumMissing();
if (missing) console.warn(`Skipping the institution console browser test: ${missing}`);
const describeBrowser = missing ? describe.skip : describe;

const CONSOLE_DIST = resolve(__dirname, '..', '..', '..', 'console', 'dist');
const STEP_MS = 30_000;
const PASSWORD = 'Console-owner-2';

let e2e: E2EPlatform;
let browser: Browser;
let base: string;
let appId: string;

async function approvedOwner(url: string, email: string): Promise<string> {
  dataOf(
    await execute(url, SignUpDocument, { input: { email, password: PASSWORD, displayName: 'Inst Owner' } }),
  );
  const login = async (identifier: string, password: string) =>
    dataOf(await execute(url, LoginDocument, { input: { identifier, password, deviceId: identifier } }))
      .login;
  const owner = await login(email, PASSWORD);
  const org = dataOf(
    await execute(
      url,
      ApplyForOrganizationDocument,
      {
        input: {
          name: 'Institution Pages Ltd',
          creditCode: validCreditCode(),
          contactName: 'Zhao',
          contactPhone: '+8613700137001',
          licenceDocumentRef: 'licences/inst.pdf',
        },
      },
      { token: owner.accessToken },
    ),
  ).applyForOrganization;
  const admin = await login(ADMIN_EMAIL, ADMIN_PASSWORD);
  dataOf(await execute(url, ApproveOrganizationDocument, { id: org.id }, { token: admin.accessToken }));
  const approved = await login(email, PASSWORD);
  const mp = dataOf(
    await execute(
      url,
      CreateMiniProgramDocument,
      { input: { orgId: org.id, name: 'Pages Shop' } },
      { token: approved.accessToken },
    ),
  ).createMiniProgram;
  return mp.appId;
}

describeBrowser('the institution console pages in a real browser', () => {
  beforeAll(async () => {
    const { built, ms } = buildConsole({ ifStale: true });
    console.log(built ? `console build: ${ms} ms` : 'console build: current, not rebuilt');
    e2e = await startE2EPlatform({ mode: 'embedded', env: { CONSOLE_DIR: CONSOLE_DIST } });
    base = e2e.url.replace(/\/graphql$/, '');
    appId = await approvedOwner(e2e.url, 'inst-owner@console.example');
    browser = await launchChromium();
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await e2e?.stop();
  });

  it('members, settings, domains, trial, host apps and SDK configuration (en; members and host apps in zh-CN too)', async () => {
    const results = await Promise.allSettled([pages('en', en, true), pages('zh-CN', zhCN, false)]);
    const failures = results.flatMap((r, i) =>
      r.status === 'rejected'
        ? [`${i === 0 ? 'en' : 'zh-CN'}: ${String((r.reason as Error)?.stack ?? r.reason)}`]
        : [],
    );
    if (failures.length) throw new Error(failures.join('\n\n'));
  }, 300_000);
});

async function pages(language: 'en' | 'zh-CN', L: Messages, everything: boolean): Promise<void> {
  const group = `institution-${language}`;
  const violations: Record<string, string[]> = {};
  const check = async (page: Page, name: string) => {
    await screenshot(page, group, name);
    const found = await seriousA11yViolations(page);
    if (found.length) violations[name] = found;
    writeFileSync(join(ARTIFACTS_DIR, group, 'axe-violations.json'), JSON.stringify(violations, null, 2));
  };
  const context = await browser.newContext({
    viewport: { width: 1280, height: 720 },
    locale: language,
    reducedMotion: 'reduce',
  });
  const page = await context.newPage();
  page.setDefaultTimeout(STEP_MS);
  const popoverButton = (name: string) =>
    page.locator('.ant-popover:not(.ant-popover-hidden)').getByRole('button', { name, exact: true });
  try {
    await page.goto(`${base}/console/login?lang=${language}`);
    await page.getByLabel(L.login.identifier, { exact: true }).fill('inst-owner@console.example');
    await page.getByLabel(L.login.password, { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: L.login.submit, exact: true }).click();
    await page.waitForURL(/\/console\/mini-programs$/);

    // Members: the owner alone; an invitation's code is shown once with a copy button.
    await page.getByRole('link', { name: L.inst.menu.members }).click();
    await page.getByRole('row', { name: /Inst Owner/ }).waitFor();
    await page.getByRole('button', { name: L.inst.members.invite, exact: true }).click();
    const invite = page.getByRole('dialog');
    await invite.getByRole('button', { name: L.inst.members.invite, exact: true }).click();
    await invite.getByText(L.inst.members.inviteEitherRule).waitFor(); // checked before anything is sent
    await invite
      .getByLabel(L.inst.members.inviteEmail, { exact: true })
      .fill(`dev-${language}@console.example`);
    await invite.getByRole('button', { name: L.inst.members.invite, exact: true }).click();
    await page.getByText(L.inst.members.tokenOnce).waitFor();
    await check(page, '01-members-invitation');
    await page.getByRole('button', { name: L.inst.hostApps.secretSaved, exact: true }).click();
    await check(page, '02-members');
    // Invitations tab: the code just sent is pending; revoking it (confirmed) takes it off the pending list.
    await page.getByRole('tab', { name: L.inst.invitations.tab, exact: true }).click();
    // Emails are stored lowercased (dev-zh-cn@…).
    const sent = page.getByRole('row', { name: new RegExp(`dev-${language}@console\\.example`, 'i') });
    await sent.getByRole('button', { name: L.inst.invitations.revoke, exact: true }).click();
    await popoverButton(L.common.confirm).click();
    await page.getByText(L.inst.invitations.revoked).waitFor();
    await sent.waitFor({ state: 'detached' });
    await check(page, '02b-members-invitations');

    // Host apps: create one, its secret shown once; rotate (confirmed) shows a new one.
    await page.getByRole('link', { name: L.inst.menu.hostApps }).click();
    await page.getByText(L.inst.hostApps.emptyHint).waitFor();
    await check(page, '03-host-apps-empty');
    await page.getByRole('button', { name: L.inst.hostApps.create, exact: true }).click();
    const hostName = `Host ${language}`;
    await page.getByRole('dialog').getByLabel(L.inst.hostApps.name, { exact: true }).fill(hostName);
    await page.getByRole('dialog').getByRole('button', { name: L.common.create, exact: true }).click();
    await page.getByText(L.inst.hostApps.identifiersRequired).waitFor(); // checked before anything is sent
    await page
      .getByRole('dialog')
      .getByRole('combobox', { name: L.inst.hostApps.androidPackageNames, exact: true })
      .fill(`com.example.host.${language === 'en' ? 'en' : 'zh'}`);
    await page.keyboard.press('Enter');
    await page.getByRole('dialog').getByRole('button', { name: L.common.create, exact: true }).click();
    await page.getByText(L.inst.hostApps.secretOnce).waitFor();
    const secret = await page.locator('[data-secret="true"]').textContent();
    expect(secret?.length).toBeGreaterThan(16);
    await check(page, '04-host-app-secret');
    await page.getByRole('button', { name: L.inst.hostApps.secretSaved, exact: true }).click();
    await page.getByRole('link', { name: hostName }).click();
    await page.waitForURL(/\/console\/host-apps\/[^/?]+$/);
    await page.getByRole('button', { name: L.inst.hostApps.rotate, exact: true }).click();
    await popoverButton(L.common.confirm).click();
    await page.getByText(L.inst.hostApps.secretOnce).waitFor();
    expect(await page.locator('[data-secret="true"]').textContent()).not.toBe(secret);
    await page.getByRole('button', { name: L.inst.hostApps.secretSaved, exact: true }).click();
    await check(page, '05-host-app');

    if (everything) {
      // …its SDK configuration: an override of the log level, then in force.
      await page.getByRole('tab', { name: L.inst.hostApps.sdkTab }).click();
      await page.getByText(L.inst.sdk.none).waitFor();
      await page.getByLabel(L.inst.sdk.maxCachedApplets, { exact: true }).fill('7');
      await page.getByRole('button', { name: L.inst.sdk.save, exact: true }).click();
      await page.getByText(L.inst.sdk.saved).waitFor();
      await page.getByText(L.inst.sdk.overrideHint).waitFor();
      await check(page, '06-host-app-sdk');

      // …and a link to the organization's own mini-program (active at once).
      await page.getByRole('tab', { name: L.inst.hostApps.linksTab }).click();
      await page.getByLabel(L.inst.hostApps.linkAppId, { exact: true }).fill(appId);
      await page.getByRole('button', { name: L.inst.hostApps.link, exact: true }).click();
      await page
        .getByRole('row', { name: new RegExp(appId) })
        .getByText(L.inst.hostApps.linkStatusName.ACTIVE)
        .waitFor();
      await check(page, '07-host-app-links');

      // Mini-program settings: rename, tags.
      await page.goto(`${base}/console/mini-programs/${appId}?tab=settings`);
      await page.getByLabel(L.inst.settings.name, { exact: true }).fill('Pages Shop Renamed');
      await page.getByLabel(L.inst.settings.category, { exact: true }).fill('shopping');
      await page.getByRole('button', { name: L.inst.settings.save, exact: true }).click();
      await page.getByText(L.inst.saved).first().waitFor();
      await page.getByRole('heading', { name: 'Pages Shop Renamed' }).waitFor();
      await check(page, '08-mini-program-settings');

      // Domains: a wrong scheme is refused as typed; the fixed list is saved; a business domain gets its file.
      await page.getByRole('tab', { name: L.inst.domains.tab }).click();
      const request = L.inst.domains.kind.REQUEST;
      await page.getByLabel(request, { exact: true }).fill('http://api.example.com');
      const saveRequest = L.inst.domains.saveList.replace('{{kind}}', request);
      await page.getByRole('button', { name: saveRequest, exact: true }).click();
      await page.getByText('http://api.example.com: must start with https://').waitFor();
      await page.getByLabel(request, { exact: true }).fill('https://api.example.com');
      await page.getByRole('button', { name: saveRequest, exact: true }).click();
      await page.getByText(L.inst.domains.listSaved).waitFor();
      await page.getByLabel(L.inst.domains.domain, { exact: true }).fill('www.example.com');
      await page.getByRole('button', { name: L.inst.domains.add, exact: true }).click();
      const row = page.getByRole('row', { name: /www\.example\.com/ });
      await row.getByText(L.inst.domains.statusName.PENDING_VERIFICATION).waitFor();
      const download = row.getByRole('link', { name: /\.txt/ });
      expect(await download.getAttribute('download')).toMatch(/\.txt$/);
      await check(page, '09-mini-program-domains');

      // Trial: a tester added; without a trial version the QR code says what to do first.
      await page.getByRole('tab', { name: L.inst.trial.tab }).click();
      await page.getByText(L.inst.trial.qrNeedsVersion).waitFor();
      await page.getByLabel(L.inst.trial.userId, { exact: true }).fill('tester-1');
      await page.getByRole('button', { name: L.inst.trial.addMember, exact: true }).click();
      await page.getByRole('row', { name: /tester-1/ }).waitFor();
      await check(page, '10-mini-program-trial');
    }
    expect(violations).toEqual({});
  } catch (error) {
    await screenshot(page, group, 'failure').catch(() => undefined);
    throw error;
  } finally {
    await context.close();
  }
}
