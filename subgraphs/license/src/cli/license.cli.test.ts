import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { verifyLicense } from '../license';
import { PRIVATE_KEY_FILE, PUBLIC_KEY_FILE } from './license.cli';

const run = promisify(execFile);
const repoRoot = join(__dirname, '../../../..');
const cliPath = join(__dirname, 'license.cli.ts');

/** Runs the real CLI in a child process, the way vendors run it. */
async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['-r', '@swc-node/register', cliPath, ...args], {
      cwd: repoRoot,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'grove-license-cli-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('license CLI (child process)', () => {
  it('keygen + sign + verify round-trip', async () => {
    const keys = join(dir, 'vendor');
    const keygen = await cli('keygen', '--out', keys);
    expect(keygen.code).toBe(0);
    const privatePath = join(keys, PRIVATE_KEY_FILE);
    const publicPath = join(keys, PUBLIC_KEY_FILE);
    expect(JSON.parse(keygen.stdout)).toEqual({ privateKey: privatePath, publicKey: publicPath });
    expect(statSync(privatePath).mode & 0o777).toBe(0o600);
    expect(readFileSync(privatePath, 'utf8')).toContain('BEGIN PRIVATE KEY');

    // prettier-ignore
    const signed = await cli(
      'sign',
      '--key', privatePath,
      '--licensee', 'Acme Bank',
      '--expires', '2031-12-31',
      '--issued-at', '2026-01-01T00:00:00Z',
      '--license-id', 'acme-2026',
      '--limits', 'miniPrograms=100,hostApps=10,concurrentGrayReleases=unlimited,organizations=4',
    );
    expect(signed).toMatchObject({ code: 0, stderr: '' });
    const expected = {
      licenseId: 'acme-2026',
      licensee: 'Acme Bank',
      issuedAt: '2026-01-01T00:00:00.000Z',
      expiresAt: '2031-12-31T00:00:00.000Z',
      limits: { miniPrograms: 100, hostApps: 10, concurrentGrayReleases: null, organizations: 4 },
    };
    // The printed JSON verifies in-process with the generated public key...
    expect(verifyLicense(signed.stdout, readFileSync(publicPath, 'utf8'))).toEqual(expected);

    // ...and through the CLI's own verify command.
    const licenseFile = join(dir, 'acme.json');
    writeFileSync(licenseFile, signed.stdout);
    const verified = await cli('verify', '--key', publicPath, '--file', licenseFile, '--now', '2027-01-01');
    expect(verified.code).toBe(0);
    expect(JSON.parse(verified.stdout)).toEqual({ valid: true, expired: false, payload: expected });

    const late = await cli('verify', '--key', publicPath, '--file', licenseFile, '--now', '2032-01-01');
    expect(late.code).toBe(1);
    expect(JSON.parse(late.stdout)).toMatchObject({ valid: true, expired: true });

    // An edited file is refused.
    writeFileSync(licenseFile, signed.stdout.replace('"miniPrograms": 100', '"miniPrograms": 1000'));
    const tampered = await cli('verify', '--key', publicPath, '--file', licenseFile);
    expect(tampered.code).toBe(1);
    expect(tampered.stderr).toContain('License signature invalid');

    // keygen never overwrites an existing key.
    const again = await cli('keygen', '--out', keys);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('refusing to overwrite');
  }, 60_000);

  it('reports usage errors with exit code 2', async () => {
    const missing = await cli('sign', '--licensee', 'x');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('missing --key');
    const unknown = await cli('rotate');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown command "rotate"');
  }, 60_000);
});
