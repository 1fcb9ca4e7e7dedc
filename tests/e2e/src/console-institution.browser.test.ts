import { en, type Messages } from '../../../console/src/i18n/en';
import { zhCN } from '../../../console/src/i18n/zh-cn';
import {
  chromiumMissing,
  screenshot,
  seedApprovedInstitution,
  signedInConsole,
  startConsolePlatform,
  type ConsolePlatform,
} from './console-browser.harness';

/**
 * The institution console's (企业端) member, mini-program settings, domain, trial, host app and SDK pages in a real
 * browser against the `npm start` platform: an approved organization with one mini-program is set up over GraphQL,
 * then its owner clicks through each page — in English, and the members and host-app pages in zh-CN too. Each page is
 * screenshotted (artifacts/console/institution-<language>/) and checked with axe-core (no serious or critical violation).
 */
const missing = chromiumMissing();
if (missing) console.warn(`Skipping the institution console browser test: ${missing}`);
const describeBrowser = missing ? describe.skip : describe;

const PASSWORD = 'Console-owner-2';
const OWNER = 'inst-owner@console.example';

let platform: ConsolePlatform;
let base: string;
let appId: string;

describeBrowser('the institution console pages in a real browser', () => {
  beforeAll(async () => {
    platform = await startConsolePlatform();
    base = platform.base;
    const seeded = await seedApprovedInstitution(platform.e2e.url, {
      email: OWNER,
      password: PASSWORD,
      displayName: 'Inst Owner',
      orgName: 'Institution Pages Ltd',
      miniPrograms: ['Pages Shop'],
    });
    appId = seeded.appIds[0]!;
  }, 300_000);
  afterAll(async () => {
    await platform?.stop();
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
  const { page, check, done } = await signedInConsole(platform, {
    group: 'institution',
    language,
    messages: L,
    identifier: OWNER,
    password: PASSWORD,
    readyLink: L.inst.menu.members,
  });
  const popoverButton = (name: string) =>
    page.locator('.ant-popover:not(.ant-popover-hidden)').getByRole('button', { name, exact: true });
  try {
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
    await check('01-members-invitation');
    await page.getByRole('button', { name: L.inst.hostApps.secretSaved, exact: true }).click();
    await check('02-members');
    // Invitations tab: the code just sent is pending; revoking it (confirmed) takes it off the pending list.
    await page.getByRole('tab', { name: L.inst.invitations.tab, exact: true }).click();
    // Emails are stored lowercased (dev-zh-cn@…).
    const sent = page.getByRole('row', { name: new RegExp(`dev-${language}@console\\.example`, 'i') });
    await sent.getByRole('button', { name: L.inst.invitations.revoke, exact: true }).click();
    await popoverButton(L.common.confirm).click();
    await page.getByText(L.inst.invitations.revoked).waitFor();
    await sent.waitFor({ state: 'detached' });
    await check('02b-members-invitations');

    // Host apps: create one, its secret shown once; rotate (confirmed) shows a new one.
    await page.getByRole('link', { name: L.inst.menu.hostApps }).click();
    await page.getByText(L.inst.hostApps.emptyHint).waitFor();
    await check('03-host-apps-empty');
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
    await check('04-host-app-secret');
    await page.getByRole('button', { name: L.inst.hostApps.secretSaved, exact: true }).click();
    await page.getByRole('link', { name: hostName }).click();
    await page.waitForURL(/\/console\/host-apps\/[^/?]+$/);
    await page.getByRole('button', { name: L.inst.hostApps.rotate, exact: true }).click();
    await popoverButton(L.common.confirm).click();
    await page.getByText(L.inst.hostApps.secretOnce).waitFor();
    expect(await page.locator('[data-secret="true"]').textContent()).not.toBe(secret);
    await page.getByRole('button', { name: L.inst.hostApps.secretSaved, exact: true }).click();
    await check('05-host-app');

    if (everything) {
      // …its SDK configuration: an override of the log level, then in force.
      await page.getByRole('tab', { name: L.inst.hostApps.sdkTab }).click();
      await page.getByText(L.inst.sdk.none).waitFor();
      await page.getByLabel(L.inst.sdk.maxCachedApplets, { exact: true }).fill('7');
      await page.getByRole('button', { name: L.inst.sdk.save, exact: true }).click();
      await page.getByText(L.inst.sdk.saved).waitFor();
      await page.getByText(L.inst.sdk.overrideHint).waitFor();
      await check('06-host-app-sdk');

      // …and a link to the organization's own mini-program (active at once).
      await page.getByRole('tab', { name: L.inst.hostApps.linksTab }).click();
      await page.getByLabel(L.inst.hostApps.linkAppId, { exact: true }).fill(appId);
      await page.getByRole('button', { name: L.inst.hostApps.link, exact: true }).click();
      await page
        .getByRole('row', { name: new RegExp(appId) })
        .getByText(L.inst.hostApps.linkStatusName.ACTIVE)
        .waitFor();
      await check('07-host-app-links');

      // Mini-program settings: rename, tags.
      await page.goto(`${base}/console/mini-programs/${appId}?tab=settings`);
      await page.getByLabel(L.inst.settings.name, { exact: true }).fill('Pages Shop Renamed');
      await page.getByLabel(L.inst.settings.category, { exact: true }).fill('shopping');
      await page.getByRole('button', { name: L.inst.settings.save, exact: true }).click();
      await page.getByText(L.inst.saved).first().waitFor();
      await page.getByRole('heading', { name: 'Pages Shop Renamed' }).waitFor();
      await check('08-mini-program-settings');

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
      await check('09-mini-program-domains');

      // Trial: a tester added; without a trial version the QR code says what to do first.
      await page.getByRole('tab', { name: L.inst.trial.tab }).click();
      await page.getByText(L.inst.trial.qrNeedsVersion).waitFor();
      await page.getByLabel(L.inst.trial.userId, { exact: true }).fill('tester-1');
      await page.getByRole('button', { name: L.inst.trial.addMember, exact: true }).click();
      await page.getByRole('row', { name: /tester-1/ }).waitFor();
      await check('10-mini-program-trial');
    }
  } catch (error) {
    await screenshot(page, `institution-${language}`, 'failure').catch(() => undefined);
    throw error;
  } finally {
    await done();
  }
}
