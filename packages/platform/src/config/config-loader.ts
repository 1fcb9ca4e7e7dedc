import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseEnv } from 'node:util';
import { z } from 'zod';

/** Thrown when configuration is invalid; lists every problem at once. */
export class ConfigError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

export type EnvSource = Record<string, string | undefined>;

/** The only place in the codebase that reads process.env. Entry points call it and pass the result on. */
export function readProcessEnv(): EnvSource {
  return { ...process.env };
}

/**
 * For libraries that read a switch from the process environment alone (@apollo/gateway's APOLLO_TELEMETRY_DISABLED):
 * the validated configuration is the source, this hands the library its value.
 */
export function exportToProcessEnv(name: string, value: string): void {
  process.env[name] = value;
}

export interface ServiceEnv {
  env: EnvSource;
  /** The dotenv file whose variables were used, if any (entry points log it). */
  envFile?: string;
}

/**
 * What a service entry point (`npm start`, a standalone subgraph) runs with: the process environment over the
 * variables of a dotenv file — `ENV_FILE`, else `.env` in the working directory when it exists. Real environment
 * variables win, so a container's settings are never overridden by a stray file. `ENV_FILE=none` skips it.
 */
export function readServiceEnv(cwd = process.cwd(), env: EnvSource = readProcessEnv()): ServiceEnv {
  const requested = env.ENV_FILE;
  if (requested === 'none') return { env };
  const path = resolve(cwd, requested || '.env');
  if (!existsSync(path)) {
    if (requested) throw new ConfigError([`ENV_FILE: ${path} does not exist`]);
    return { env };
  }
  const fromFile = parseEnv(readFileSync(path, 'utf8')) as EnvSource;
  return { env: { ...fromFile, ...env }, envFile: path };
}

/** Parses an env map against a zod schema, reporting all issues together. Empty strings count as unset. */
export function loadConfig<S extends z.ZodType>(schema: S, env: EnvSource): z.infer<S> {
  const cleaned: EnvSource = {};
  for (const [key, value] of Object.entries(env))
    if (value !== undefined && value !== '') cleaned[key] = value;
  const result = schema.safeParse(cleaned);
  if (!result.success) {
    throw new ConfigError(
      result.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`),
    );
  }
  return result.data;
}

/** Prints a ConfigError and exits; for main.ts files. */
export function loadConfigOrExit<S extends z.ZodType>(schema: S, env: EnvSource): z.infer<S> {
  try {
    return loadConfig(schema, env);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }
}

export const envBoolean = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

export const envList = z.string().transform((v) =>
  v
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean),
);
