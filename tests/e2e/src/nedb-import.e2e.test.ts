import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { readProcessEnv } from '@grove/platform';
import {
  ApplyForOrganizationDocument,
  LoginDocument,
  MyOrganizationsDocument,
  SignUpDocument,
} from '../../../schema/generated/graphql';
import { dataOf, execute } from './graphql-client';
import { ADMIN_EMAIL, ADMIN_PASSWORD, e2eEnv, validCreditCode } from './platform-harness';

const ROOT = resolve(__dirname, '../../..');
const START_TIMEOUT_MS = 120_000;

interface PlatformProcess {
  child: ChildProcess;
  url: string;
  logs: string[];
}

/** Starts `router/src/main.ts` exactly as `npm start` does and waits for its "listening" log line. */
async function startProcess(env: Record<string, string | undefined>): Promise<PlatformProcess> {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', 'router/src/main.ts'], {
    cwd: ROOT,
    env: { PATH: readProcessEnv().PATH, ...env, LOG_LEVEL: 'info', LOG_PRETTY: 'false' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logs: string[] = [];
  child.stderr?.on('data', (chunk: Buffer) => logs.push(chunk.toString()));
  const url = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`platform did not start:\n${logs.join('')}`)),
      START_TIMEOUT_MS,
    );
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`platform exited with ${code}:\n${logs.join('')}`));
    });
    createInterface({ input: child.stdout! }).on('line', (line) => {
      logs.push(line);
      try {
        const entry = JSON.parse(line) as { msg?: string; url?: string };
        if (entry.msg === 'router listening' && entry.url) {
          clearTimeout(timer);
          resolveUrl(entry.url);
        }
      } catch {
        // not a log line
      }
    });
  });
  return { child, url, logs };
}

async function stopProcess({ child }: PlatformProcess): Promise<number | null> {
  if (child.exitCode !== null) return child.exitCode;
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  child.kill('SIGTERM');
  return exited;
}

/**
 * Upgrading an embedded installation: `npm start` on the old nedb driver writes DATA_DIR/documents/*.db;
 * the next start on the default driver (SQLite) imports them into DATA_DIR/documents.sqlite, once.
 */
describe('embedded mode: a nedb data directory is imported into SQLite on first start', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'grove-nedb-import-'));
  const env = e2eEnv(dataDir);
  let running: PlatformProcess | undefined;

  afterAll(async () => {
    if (running) await stopProcess(running);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it(
    'keeps users, organizations and sessions written by the nedb driver',
    async () => {
      running = await startProcess({ ...env, DOCUMENTS_DRIVER: 'nedb' });
      const password = 'Import-pass-1';
      dataOf(
        await execute(running.url, SignUpDocument, {
          input: { email: 'nedb@acme.example', password, displayName: 'Nedb' },
        }),
      );
      const session = dataOf(
        await execute(running.url, LoginDocument, { input: { identifier: 'nedb@acme.example', password } }),
      ).login;
      const org = dataOf(
        await execute(
          running.url,
          ApplyForOrganizationDocument,
          {
            input: {
              name: 'Imported Org',
              creditCode: validCreditCode(),
              contactName: 'Li Lei',
              contactPhone: '+8613900139001',
              licenceDocumentRef: 'uploads/licences/imported.pdf',
            },
          },
          { token: session.accessToken },
        ),
      ).applyForOrganization;
      expect(await stopProcess(running)).toBe(0);
      running = undefined;
      expect(readdirSync(join(dataDir, 'documents')).filter((f) => f.endsWith('.db')).length).toBeGreaterThan(
        0,
      );
      expect(existsSync(join(dataDir, 'documents.sqlite'))).toBe(false);

      // The default driver: SQLite, which imports the nedb files on this first start.
      running = await startProcess(env);
      expect(existsSync(join(dataDir, 'documents.sqlite'))).toBe(true);
      expect(running.logs.some((line) => line.includes('imported the nedb documents into SQLite'))).toBe(
        true,
      );
      const again = dataOf(
        await execute(running.url, LoginDocument, { input: { identifier: 'nedb@acme.example', password } }),
      ).login;
      const mine = dataOf(
        await execute(running.url, MyOrganizationsDocument, {}, { token: again.accessToken }),
      ).myOrganizations;
      expect(mine).toEqual([
        expect.objectContaining({ id: org.id, name: 'Imported Org', status: 'PENDING' }),
      ]);
      // The session issued by the nedb-backed process is still valid (same JWT secret, session imported).
      const withOldToken = dataOf(
        await execute(running.url, MyOrganizationsDocument, {}, { token: session.accessToken }),
      ).myOrganizations;
      expect(withOldToken!.map((o) => o.id)).toEqual([org.id]);
      // The bootstrap admin created by the first start was imported, not created again.
      dataOf(
        await execute(running.url, LoginDocument, {
          input: { identifier: ADMIN_EMAIL, password: ADMIN_PASSWORD },
        }),
      );
      dataOf(
        await execute(running.url, SignUpDocument, {
          input: { email: 'after@acme.example', password, displayName: 'After' },
        }),
      );
      expect(await stopProcess(running)).toBe(0);

      // Not imported again: what was written on SQLite stays, the nedb files are left as they were.
      running = await startProcess(env);
      expect(running.logs.some((line) => line.includes('imported the nedb documents into SQLite'))).toBe(
        false,
      );
      dataOf(
        await execute(running.url, LoginDocument, { input: { identifier: 'after@acme.example', password } }),
      );
      dataOf(
        await execute(running.url, LoginDocument, { input: { identifier: 'nedb@acme.example', password } }),
      );
    },
    4 * START_TIMEOUT_MS,
  );
});
