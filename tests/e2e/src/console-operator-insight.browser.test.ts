import { readFileSync } from 'node:fs';
import type { Browser, Locator, Page } from 'playwright-core';
import { generateLicenseKeyPair, signLicense, type LicensePayload } from '@grove/license';
import { eventually } from '@grove/testkit';
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
import {
  CreateHostAppDocument,
  LinkMiniProgramDocument,
  LoginDocument,
  MiniProgramAnalyticsDocument,
  RecomputeAnalyticsDocument,
  SearchHotWordsDocument,
  SearchSynonymsDocument,
} from '../../../schema/generated/graphql';
import { sendBatch, shanghaiDay } from './analytics-fleet.scenario';
import { dataOf, execute } from './graphql-client';
import { ADMIN_EMAIL, ADMIN_PASSWORD, type E2EPlatform } from './platform-harness';

/**
 * The operator's insight pages (运营端) in a real browser against one `npm start` platform on a temp data dir: the
 * platform overview (statistic cards, the chart and its table view; English and zh-CN), the operation log (server
 * filter and page size in the URL, next / previous by the cursor stack, a row's details, the CSV of the filter) and the
 * license (usage against limits; a document that is not JSON refused before sending, a forged one refused by the
 * server beside the field, a vendor-signed one expiring in 10 days installed after confirming, then the warning); the
 * search settings (hot words ordered and saved, a synonym group refused as typed then saved, search statistics); and
 * the institution's statistics page of a mini-program whose devices reported two days of events through the signed
 * report route (totals, the trend chart and its table, a breakdown, top pages, retention, distributions, a CSV; in
 * zh-CN a period without data). Screenshots go to artifacts/console/operator-insight-<language>/ and
 * artifacts/console/statistics-<language>/, axe-core checks each page.
 */
const missing = chromiumMissing();
if (missing) console.warn(`Skipping the operator insight browser test: ${missing}`);
const describeBrowser = missing ? describe.skip : describe;

const MINI_PROGRAMS = 12;
const OWNER = 'owner@operator-insight.example';
const OWNER_PASSWORD = 'Operator-insight-1';
const vendor = generateLicenseKeyPair();
let statisticsAppId: string;

let platform: ConsolePlatform;
let e2e: E2EPlatform;
let browser: Browser;
let base: string;

describeBrowser('the operator insight pages in a real browser', () => {
  beforeAll(async () => {
    platform = await startConsolePlatform({ LICENSE_PUBLIC_KEY: vendor.publicKeyPem });
    ({ e2e, browser, base } = platform);
    const seeded = await seedInstitution(e2e.url);
    statisticsAppId = seeded.appIds[0]!;
    await seedReports(e2e.url, statisticsAppId, seeded.orgId, seeded.ownerToken);
  }, 600_000); // the platform's start alone took over 300 s at load 23 on the shared machine
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

  it('search settings (operator, en) and the statistics of a mini-program (owner, en; zh-CN without data)', async () => {
    const operator = await operatorPage('en', en);
    const S = en.opSearch;
    try {
      const { page, check } = operator;
      await page.getByRole('link', { name: S.menu }).click();
      await page.waitForURL(/\/console\/operator\/search$/);
      await page.getByRole('heading', { name: S.hotWords.title }).waitFor();
      const word = page.getByLabel(S.hotWords.word);
      for (const w of ['社保', 'tax', 'bus']) {
        await word.fill(w);
        await page.getByRole('button', { name: S.hotWords.add, exact: true }).click();
      }
      await word.fill('tax');
      await page.getByText(S.hotWords.duplicate).waitFor(); // refused as typed
      await word.fill('');
      await page.getByRole('button', { name: S.hotWords.moveUp.replace('{{word}}', 'bus') }).click();
      await page.getByRole('button', { name: S.save, exact: true }).click();
      await page.getByText(S.hotWords.saved).waitFor();
      await check('search-hot-words');

      await page.getByRole('tab', { name: S.synonyms.tab }).click();
      await page.waitForURL(/tab=synonyms/);
      await page.getByRole('button', { name: S.synonyms.addGroup, exact: true }).click();
      const group = page.getByLabel(S.synonyms.group.replace('{{n}}', '1'), { exact: true });
      await group.fill('社保');
      await page.getByText(S.synonyms.tooFew).waitFor(); // refused as typed, Save stays disabled
      expect(await page.getByRole('button', { name: S.save, exact: true }).isDisabled()).toBe(true);
      await group.fill('社保, 社会保险');
      await page.getByRole('button', { name: S.save, exact: true }).click();
      await page.getByText(S.synonyms.saved).waitFor();
      await check('search-synonyms');

      await page.getByRole('tab', { name: S.statistics.tab }).click();
      await page.waitForURL(/tab=statistics/);
      await page.getByRole('heading', { name: S.statistics.topQueries }).waitFor();
      await check('search-statistics');

      const admin = dataOf(
        await execute(e2e.url, LoginDocument, {
          input: { identifier: ADMIN_EMAIL, password: ADMIN_PASSWORD },
        }),
      ).login.accessToken;
      const hotWords = dataOf(
        await execute(e2e.url, SearchHotWordsDocument, {}, { token: admin }),
      ).searchHotWords;
      expect(hotWords).toEqual(['社保', 'bus', 'tax']);
      const synonyms = dataOf(
        await execute(e2e.url, SearchSynonymsDocument, {}, { token: admin }),
      ).searchSynonyms;
      expect(synonyms.map((g) => g.terms)).toEqual([['社保', '社会保险']]);
    } finally {
      await operator.done();
    }

    const owner = await ownerPage('en', en);
    const T = en.stats;
    try {
      const { page, check } = owner;
      await page.goto(`${base}/console/mini-programs/${statisticsAppId}`);
      await page.getByRole('link', { name: T.open, exact: true }).click();
      await page.waitForURL(/\/statistics$/);
      await page.getByRole('heading', { name: T.totals.title }).waitFor();
      await page.getByText(T.totals.distinct).waitFor();
      const card = (title: string) =>
        page.locator('.ant-card').filter({ has: page.getByRole('heading', { name: title, exact: true }) });
      const trend = card(T.trend.title);
      await trend.locator('[role="img"] svg').waitFor();
      expect(await trend.locator('div[role="img"]').getAttribute('aria-label')).toContain(
        `${T.metrics.activeUsers}: highest`,
      );
      await card(T.pages.title).getByRole('cell', { name: 'pages/detail/index', exact: true }).waitFor();
      await card(T.retention.title).getByRole('columnheader', { name: 'Day 1', exact: true }).waitFor();
      await card(T.distributions.title).locator('[role="img"] svg').first().waitFor();
      await check('statistics');

      // The trend's numbers as a table, by week; a breakdown by network; top pages by visitors (server order).
      await page.getByText(T.granularity.WEEK, { exact: true }).click();
      await page.waitForURL(/granularity=WEEK/);
      await trend.getByText(T.viewTable, { exact: true }).click();
      await trend.getByRole('columnheader', { name: T.metrics.newUsers }).waitFor();
      const breakdown = card(T.breakdown.title);
      await breakdown.locator('.ant-select').click(); // the combobox named T.breakdown.dimension, under its selection
      await page.locator('.ant-select-item-option').filter({ hasText: T.dimension.NETWORK }).click();
      await page.waitForURL(/dimension=NETWORK/);
      await breakdown.getByText(T.viewTable, { exact: true }).click();
      await breakdown.getByRole('cell', { name: 'wifi', exact: true }).waitFor();
      await card(T.pages.title).getByRole('columnheader', { name: T.pages.visitors }).click();
      await page.waitForURL(/pagesSort=VISITORS/);
      await check('statistics-tables');

      const [download] = await Promise.all([
        page.waitForEvent('download'),
        trend.getByRole('button', { name: T.downloadCsv, exact: true }).click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/^grove-mp[0-9a-f]{16}-trend-week-[\d-]+\.csv$/);
      const csv = readFileSync((await download.path())!, 'utf8').replace(/^\uFEFF/, '');
      expect(csv.split('\r\n').filter((line) => line.length > 0).length).toBeGreaterThanOrEqual(3);
    } finally {
      await owner.done();
    }

    // zh-CN: a period without reports shows what to do next, in Chinese.
    const ownerZh = await ownerPage('zh-CN', zhCN);
    try {
      const { page, check } = ownerZh;
      await page.goto(
        `${base}/console/mini-programs/${statisticsAppId}/statistics?from=2026-01-01&to=2026-01-07`,
      );
      await page.getByRole('heading', { name: zhCN.stats.totals.title }).waitFor();
      await page.getByText(zhCN.stats.empty).first().waitFor();
      await check('statistics-empty');
    } finally {
      await ownerZh.done();
    }
  }, 300_000);
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

/** The organization owner's console in the language (screenshots in statistics-<language>/). */
function ownerPage(language: 'zh-CN' | 'en', L: Messages) {
  return signedInConsole(
    { browser, base },
    {
      group: 'statistics',
      language,
      messages: L,
      identifier: OWNER,
      password: OWNER_PASSWORD,
      readyLink: L.inst.menu.members,
      acceptDownloads: true,
    },
  );
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
function seedInstitution(url: string) {
  return seedApprovedInstitution(url, {
    email: OWNER,
    password: OWNER_PASSWORD,
    displayName: 'Owner',
    orgName: 'Insight Trading Co',
    miniPrograms: Array.from({ length: MINI_PROGRAMS }, (_, i) => `Insight App ${i + 1}`),
  });
}

const REPORTING_DEVICES = 6;

/**
 * Two days of a few devices, reported like an SDK through the signed report route by a host app of the organization
 * linked to the mini-program: every device launches yesterday (two pages, or one for a bounce), half come back today.
 * The rollups of those days are recomputed (as an operator may) until the series shows every launch.
 */
async function seedReports(url: string, appId: string, orgId: string, ownerToken: string): Promise<void> {
  const host = dataOf(
    await execute(
      url,
      CreateHostAppDocument,
      { input: { orgId, name: 'Statistics Host', androidPackageNames: ['com.statistics.host'] } },
      { token: ownerToken },
    ),
  ).createHostApp;
  dataOf(
    await execute(url, LinkMiniProgramDocument, { hostAppId: host.hostApp.id, appId }, { token: ownerToken }),
  );
  const now = Date.now();
  const events: Array<Record<string, unknown>> = [];
  const launch = (device: number, start: number, pages: string[]) => {
    const common = {
      appId,
      deviceId: `stats-device-${device}`,
      launchId: `stats-launch-${device}-${start}`,
      platform: device % 2 ? 'IOS' : 'ANDROID',
      osVersion: device % 2 ? '17.4' : '14',
      network: device % 3 ? 'wifi' : '5g',
      sdkVersion: '2.1.0',
      versionSource: 'release',
    };
    let ts = start;
    let seq = 0;
    const emit = (type: string, extra: Record<string, unknown> = {}) =>
      events.push({ ...common, eventId: `stats-${device}-${start}-${seq++}`, type, clientTs: ts, ...extra });
    emit('app_launch');
    for (const pagePath of pages) {
      ts += 1_000;
      emit('page_show', { pagePath });
      ts += 8_000 * (device + 1);
      emit('page_hide', { pagePath, durationMs: 8_000 * (device + 1) });
    }
    ts += 1_000;
    emit('app_exit', { durationMs: ts - start });
  };
  const yesterday = now - 26 * 3_600_000;
  const today = now - 2 * 3_600_000;
  for (let d = 0; d < REPORTING_DEVICES; d++) {
    launch(
      d,
      yesterday + d * 60_000,
      d === 0 ? ['pages/index/index'] : ['pages/index/index', 'pages/detail/index'],
    );
    if (d % 2 === 0) launch(d, today + d * 60_000, ['pages/index/index']);
  }
  const keys = { sdkKey: host.sdkKey, sdkSecret: host.sdkSecret };
  const receipt = await sendBatch(url, keys, { deviceClockNow: () => Date.now(), events });
  expect(receipt).toMatchObject({ accepted: events.length, rejected: 0 });

  const admin = dataOf(
    await execute(url, LoginDocument, { input: { identifier: ADMIN_EMAIL, password: ADMIN_PASSWORD } }),
  ).login.accessToken;
  const from = shanghaiDay(now - 3 * 86_400_000);
  const to = shanghaiDay(now);
  const launches = REPORTING_DEVICES + Math.ceil(REPORTING_DEVICES / 2);
  await eventually(
    async () => {
      dataOf(await execute(url, RecomputeAnalyticsDocument, { from, to }, { token: admin }));
      const series = dataOf(
        await execute(url, MiniProgramAnalyticsDocument, { appId, from, to }, { token: ownerToken }),
      ).miniProgramAnalytics!;
      expect(series.total.launches).toBe(launches);
    },
    60_000,
    500,
  );
}
