import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { isPlatformError, newId } from '@grove/platform';
import {
  LICENSE_LIMIT_NAMES,
  generateLicenseKeyPair,
  isLicenseExpired,
  signLicense,
  verifyLicense,
  type LicenseLimits,
} from '../license';

/**
 * Vendor tool for licenses:
 *   keygen --out <dir>
 *   sign   --key <private.pem> --licensee <name> --expires <ISO date|never> --limits <k=v,...> [--license-id <id>] [--issued-at <ISO>]
 *   verify --key <public.pem> --file <license.json> [--now <ISO>]
 * Run with `node -r @swc-node/register subgraphs/license/src/cli/license.cli.ts <command> ...`.
 */

export const PRIVATE_KEY_FILE = 'license-private.pem';
export const PUBLIC_KEY_FILE = 'license-public.pem';

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

class UsageError extends Error {}

const USAGE = `usage:
  license keygen --out <dir>
  license sign --key <private.pem> --licensee <name> --expires <YYYY-MM-DD|ISO timestamp|never>
               --limits miniPrograms=<n>,hostApps=<n>,concurrentGrayReleases=<n>,organizations=<n>
               [--license-id <id>] [--issued-at <ISO timestamp>]
               (a limit may be "unlimited"; --limits also accepts a JSON object)
  license verify --key <public.pem> --file <license.json> [--now <ISO timestamp>]`;

/** Runs one command; returns the process exit code (0 ok, 1 refused/failed, 2 usage). */
export function runLicenseCli(argv: string[], io: CliIo): number {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'keygen':
        return keygen(rest, io);
      case 'sign':
        return signCommand(rest, io);
      case 'verify':
        return verifyCommand(rest, io);
      default:
        throw new UsageError(command ? `unknown command "${command}"` : 'missing command');
    }
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.err(`${(error as Error).message}\n${USAGE}\n`);
      return 2;
    }
    const details = isPlatformError(error) && error.details ? ` ${JSON.stringify(error.details)}` : '';
    io.err(`${(error as Error).message}${details}\n`);
    return 1;
  }
}

function keygen(args: string[], io: CliIo): number {
  const { values } = parseArgs({ args, options: { out: { type: 'string' } }, strict: true });
  const dir = required(values.out, '--out');
  const privatePath = join(dir, PRIVATE_KEY_FILE);
  const publicPath = join(dir, PUBLIC_KEY_FILE);
  for (const path of [privatePath, publicPath]) {
    if (existsSync(path)) throw new Error(`${path} already exists; refusing to overwrite a key`);
  }
  mkdirSync(dir, { recursive: true });
  const pair = generateLicenseKeyPair();
  writeFileSync(privatePath, pair.privateKeyPem, { mode: 0o600, flag: 'wx' });
  writeFileSync(publicPath, pair.publicKeyPem, { mode: 0o644, flag: 'wx' });
  io.out(`${JSON.stringify({ privateKey: privatePath, publicKey: publicPath }, null, 2)}\n`);
  return 0;
}

function signCommand(args: string[], io: CliIo): number {
  const { values } = parseArgs({
    args,
    strict: true,
    options: {
      key: { type: 'string' },
      licensee: { type: 'string' },
      expires: { type: 'string' },
      limits: { type: 'string' },
      'license-id': { type: 'string' },
      'issued-at': { type: 'string' },
    },
  });
  const privateKeyPem = readFileSync(required(values.key, '--key'), 'utf8');
  const expires = required(values.expires, '--expires');
  const issuedAt = values['issued-at']
    ? timestamp(values['issued-at'], '--issued-at')
    : new Date().toISOString();
  const document = signLicense(
    {
      licenseId: values['license-id'] ?? newId(),
      licensee: required(values.licensee, '--licensee'),
      issuedAt,
      expiresAt: expires === 'never' ? null : timestamp(expires, '--expires'),
      limits: parseLimits(required(values.limits, '--limits')),
    },
    privateKeyPem,
  );
  io.out(`${JSON.stringify(document, null, 2)}\n`);
  return 0;
}

function verifyCommand(args: string[], io: CliIo): number {
  const { values } = parseArgs({
    args,
    strict: true,
    options: { key: { type: 'string' }, file: { type: 'string' }, now: { type: 'string' } },
  });
  const publicKeyPem = readFileSync(required(values.key, '--key'), 'utf8');
  const payload = verifyLicense(readFileSync(required(values.file, '--file'), 'utf8'), publicKeyPem);
  const now = values.now ? new Date(timestamp(values.now, '--now')) : new Date();
  const expired = isLicenseExpired(payload, now);
  io.out(`${JSON.stringify({ valid: true, expired, payload }, null, 2)}\n`);
  return expired ? 1 : 0;
}

function required(value: string | undefined, flag: string): string {
  if (value === undefined || value === '') throw new UsageError(`missing ${flag}`);
  return value;
}

function timestamp(text: string, flag: string): string {
  const ms = /^\d{4}-\d{2}-\d{2}/.test(text) ? Date.parse(text) : NaN;
  if (Number.isNaN(ms))
    throw new UsageError(`${flag} must be a date (YYYY-MM-DD) or ISO timestamp, got "${text}"`);
  return new Date(ms).toISOString();
}

function parseLimits(text: string): LicenseLimits {
  let raw: Record<string, unknown>;
  if (text.trim().startsWith('{')) {
    try {
      raw = JSON.parse(text) as Record<string, unknown>;
    } catch {
      throw new UsageError('--limits is not valid JSON');
    }
  } else {
    raw = {};
    for (const part of text.split(',')) {
      const [name, value, extra] = part.split('=').map((s) => s.trim());
      if (!name || value === undefined || extra !== undefined)
        throw new UsageError(`--limits entry "${part}" must be name=value`);
      raw[name] = value === 'unlimited' ? null : /^\d+$/.test(value) ? Number(value) : value;
    }
  }
  const unknown = Object.keys(raw).filter(
    (name) => !(LICENSE_LIMIT_NAMES as readonly string[]).includes(name),
  );
  const missing = LICENSE_LIMIT_NAMES.filter((name) => !(name in raw));
  if (unknown.length || missing.length) {
    throw new UsageError(
      `--limits needs exactly ${LICENSE_LIMIT_NAMES.join(', ')}` +
        (missing.length ? `; missing ${missing.join(', ')}` : '') +
        (unknown.length ? `; unknown ${unknown.join(', ')}` : ''),
    );
  }
  return raw as LicenseLimits; // value types are checked by signLicense's schema
}

if (require.main === module) {
  process.exitCode = runLicenseCli(process.argv.slice(2), {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
  });
}
