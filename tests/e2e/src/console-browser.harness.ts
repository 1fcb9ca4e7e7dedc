import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { chromium } from 'playwright-core';
import { readProcessEnv } from '@grove/platform';
import type { Messages } from '../../../console/src/i18n/en';
import { buildConsole } from '../../../scripts/console-build';
import {
  ApplyForOrganizationDocument,
  ApproveOrganizationDocument,
  CreateMiniProgramDocument,
  LoginDocument,
  SignUpDocument,
} from '../../../schema/generated/graphql';
import { dataOf, execute } from './graphql-client';
import {
  ADMIN_EMAIL,
  ADMIN_PASSWORD,
  startE2EPlatform,
  validCreditCode,
  type E2EPlatform,
} from './platform-harness';

/** Debian's Chromium (`apt-get install -y chromium`; .ci/run installs it when absent); CHROMIUM_PATH overrides. */
export const CHROMIUM_PATH = readProcessEnv().CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
/** Screenshots of the main pages, kept as test artifacts (gitignored). */
export const ARTIFACTS_DIR = resolve(__dirname, '..', '..', '..', 'artifacts', 'console');

/** Why the browser tests cannot run here, or null when they can. */
export function chromiumMissing(): string | null {
  return existsSync(CHROMIUM_PATH)
    ? null
    : `no Chromium at ${CHROMIUM_PATH} (apt-get install -y chromium, or set CHROMIUM_PATH)`;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
}

export async function screenshot(page: Page, group: string, name: string): Promise<void> {
  const dir = join(ARTIFACTS_DIR, group);
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: join(dir, `${name}.png`), fullPage: true });
}

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: string[]; html: string; failureSummary?: string }>;
}

/** axe-core on the page as it is (WCAG 2 A/AA rules): the serious and critical violations, as `rule: targets`. */
export async function seriousA11yViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  const violations = await page.evaluate(async () => {
    const axe = (
      globalThis as unknown as {
        axe: { run(context: unknown, options: unknown): Promise<{ violations: AxeViolation[] }> };
      }
    ).axe;
    const result = await axe.run((globalThis as unknown as { document: unknown }).document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return result.violations;
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes
          .slice(0, 5)
          .map((n) => `${n.target.join(' ')} ${n.html.slice(0, 160)} ${n.failureSummary ?? ''}`)
          .join(' | ')}`,
    );
}

/** The console build the browser tests serve (built by .ci/run, rebuilt by the tests when stale). */
export const CONSOLE_DIST = resolve(__dirname, '..', '..', '..', 'console', 'dist');
/** The longest a page may take to show what a step waits for (a loaded 2-core machine); steps end as soon as it shows. */
export const STEP_MS = 30_000;

export interface ConsolePlatform {
  e2e: E2EPlatform;
  browser: Browser;
  /** The router's origin (`http://127.0.0.1:<port>`). */
  base: string;
  stop(): Promise<void>;
}

/** Rebuilds the console when stale, starts an `npm start`-style platform serving it, and launches Chromium. */
export async function startConsolePlatform(env: Record<string, string> = {}): Promise<ConsolePlatform> {
  const { built, ms } = buildConsole({ ifStale: true });
  console.log(built ? `console build: ${ms} ms` : 'console build: current, not rebuilt');
  const e2e = await startE2EPlatform({ mode: 'embedded', env: { CONSOLE_DIR: CONSOLE_DIST, ...env } });
  const browser = await launchChromium().catch(async (error: unknown) => {
    await e2e.stop();
    throw error;
  });
  return {
    e2e,
    browser,
    base: e2e.url.replace(/\/graphql$/, ''),
    stop: async () => {
      await browser.close();
      await e2e.stop();
    },
  };
}

export interface SignedInConsole {
  page: Page;
  /** Screenshot `name` into artifacts/console/<group>/ and run axe on the page as it is. */
  check(name: string): Promise<void>;
  /** Closes the browser context; fails when any checked page had a serious or critical violation. */
  done(): Promise<void>;
}

/**
 * A fresh browser context at 1280×720 in `language`, signed in through the console's login page as `identifier`,
 * ready once `readyLink` (a menu link's name) shows.
 */
export async function signedInConsole(
  platform: Pick<ConsolePlatform, 'browser' | 'base'>,
  options: {
    group: string;
    language: 'zh-CN' | 'en';
    messages: Messages;
    identifier: string;
    password: string;
    readyLink: string;
    acceptDownloads?: boolean;
  },
): Promise<SignedInConsole> {
  const { language, messages: L } = options;
  const group = `${options.group}-${language}`;
  const violations: Record<string, string[]> = {};
  const context = await platform.browser.newContext({
    viewport: { width: 1280, height: 720 },
    locale: language,
    reducedMotion: 'reduce',
    acceptDownloads: options.acceptDownloads ?? false,
  });
  const page = await context.newPage();
  page.setDefaultTimeout(STEP_MS);
  await page.goto(`${platform.base}/console/login?lang=${language}`);
  await page.getByLabel(L.login.identifier, { exact: true }).fill(options.identifier);
  await page.getByLabel(L.login.password, { exact: true }).fill(options.password);
  await page.getByRole('button', { name: L.login.submit, exact: true }).click();
  await page.getByRole('link', { name: options.readyLink }).waitFor();
  return {
    page,
    check: async (name) => {
      await screenshot(page, group, name);
      const found = await seriousA11yViolations(page);
      if (found.length) violations[name] = found;
      writeFileSync(join(ARTIFACTS_DIR, group, 'axe-violations.json'), JSON.stringify(violations, null, 2));
    },
    done: async () => {
      await context.close();
      expect(violations).toEqual({});
    },
  };
}

export interface SeededInstitution {
  orgId: string;
  /** App ids of the mini-programs created, in the order of `miniPrograms`. */
  appIds: string[];
  /** The owner's access token after approval (it carries the membership). */
  ownerToken: string;
}

/**
 * An approved organization whose owner signed up with `email`/`password`, with one mini-program per name in
 * `miniPrograms`, made over GraphQL: the pages under test are not the ones that set it up.
 */
export async function seedApprovedInstitution(
  url: string,
  options: {
    email: string;
    password: string;
    displayName: string;
    orgName: string;
    miniPrograms: string[];
  },
): Promise<SeededInstitution> {
  const { email, password } = options;
  const login = async (identifier: string, secret: string) =>
    dataOf(
      await execute(url, LoginDocument, { input: { identifier, password: secret, deviceId: identifier } }),
    ).login.accessToken;
  dataOf(
    await execute(url, SignUpDocument, { input: { email, password, displayName: options.displayName } }),
  );
  const applicant = await login(email, password);
  const org = dataOf(
    await execute(
      url,
      ApplyForOrganizationDocument,
      {
        input: {
          name: options.orgName,
          creditCode: validCreditCode(),
          contactName: options.displayName,
          contactPhone: '+8613800138000',
          licenceDocumentRef: `licences/${email.replace(/[^a-z0-9]+/gi, '-')}.pdf`,
        },
      },
      { token: applicant },
    ),
  ).applyForOrganization;
  const admin = await login(ADMIN_EMAIL, ADMIN_PASSWORD);
  dataOf(await execute(url, ApproveOrganizationDocument, { id: org.id }, { token: admin }));
  const ownerToken = await login(email, password);
  const appIds: string[] = [];
  for (const name of options.miniPrograms) {
    const created = dataOf(
      await execute(
        url,
        CreateMiniProgramDocument,
        { input: { orgId: org.id, name, category: 'tools', tags: [] } },
        { token: ownerToken },
      ),
    ).createMiniProgram;
    appIds.push(created.appId);
  }
  return { orgId: org.id, appIds, ownerToken };
}
