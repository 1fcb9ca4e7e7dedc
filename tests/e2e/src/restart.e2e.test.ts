import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
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
import { e2eEnv, e2eModes, validCreditCode } from './platform-harness';

const ROOT = resolve(__dirname, '../../..');

interface PlatformProcess {
  child: ChildProcess;
  url: string;
}

/** Starts `router/src/main.ts` exactly as `npm start` does and waits for its "listening" log line. */
async function startProcess(env: Record<string, string | undefined>): Promise<PlatformProcess> {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', 'router/src/main.ts'], {
    cwd: ROOT,
    env: { PATH: readProcessEnv().PATH, ...env, LOG_LEVEL: 'info', LOG_PRETTY: 'false' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  const url = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error(`platform did not start:\n${output.join('')}`)), 60_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`platform exited with ${code}:\n${output.join('')}`));
    });
    createInterface({ input: child.stdout! }).on('line', (line) => {
      output.push(line);
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
  return { child, url };
}

async function stopProcess({ child }: PlatformProcess): Promise<number | null> {
  if (child.exitCode !== null) return child.exitCode;
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  child.kill('SIGTERM');
  return exited;
}

// Distributed mode's restart story (kill -9 of a service) is distributed-crash.e2e.test.ts.
const describeEmbedded = e2eModes().includes('embedded') ? describe : describe.skip;

describeEmbedded('embedded mode persistence across a process restart', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'grove-restart-'));
  const env = e2eEnv(dataDir);
  let running: PlatformProcess | undefined;

  afterAll(async () => {
    if (running) await stopProcess(running);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('keeps users, organizations and sessions written before the restart', async () => {
    running = await startProcess(env);
    const password = 'Restart-pass-1';
    dataOf(
      await execute(running.url, SignUpDocument, {
        input: { email: 'persist@acme.example', password, displayName: 'Persist' },
      }),
    );
    const session = dataOf(
      await execute(running.url, LoginDocument, { input: { identifier: 'persist@acme.example', password } }),
    ).login;
    const org = dataOf(
      await execute(
        running.url,
        ApplyForOrganizationDocument,
        {
          input: {
            name: 'Persistent Org',
            creditCode: validCreditCode(),
            contactName: 'Han Meimei',
            contactPhone: '+8613900139000',
            licenceDocumentRef: 'uploads/licences/persist.pdf',
          },
        },
        { token: session.accessToken },
      ),
    ).applyForOrganization;

    expect(await stopProcess(running)).toBe(0); // graceful shutdown on SIGTERM
    running = await startProcess(env);

    // The same password works, the organization is still there, and the old access token (same JWT secret) too.
    const again = dataOf(
      await execute(running.url, LoginDocument, { input: { identifier: 'persist@acme.example', password } }),
    ).login;
    const mine = dataOf(
      await execute(running.url, MyOrganizationsDocument, {}, { token: again.accessToken }),
    ).myOrganizations;
    expect(mine).toEqual([
      expect.objectContaining({ id: org.id, name: 'Persistent Org', status: 'PENDING' }),
    ]);
    const withOldToken = dataOf(
      await execute(running.url, MyOrganizationsDocument, {}, { token: session.accessToken }),
    ).myOrganizations;
    expect(withOldToken!.map((o) => o.id)).toEqual([org.id]);
  });
});
