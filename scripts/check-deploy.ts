/**
 * `npm run check:deploy`: validates the deployables offline (no Docker daemon, no cluster).
 *
 * - Dockerfile: parsed and linted (dockerfile-utils), then multi-stage, a non-root USER in the final
 *   stage, a HEALTHCHECK and the one entry point (infra/docker-entrypoint.sh, which must know every service).
 * - Compose: `docker-compose config -q` (Debian's docker-compose 1.29 validates against the compose schema)
 *   for infra/compose.yaml (standard), infra/compose.large.yaml (large) and infra/compose.middleware.yml;
 *   then every service is present, runs the image with its own name, the router reaches each subgraph
 *   by its compose DNS name and port, and no service is on an embedded-only driver.
 * - Kubernetes: `kubectl kustomize infra/k8s/base`, every rendered object validated against the
 *   Kubernetes JSON schemas shipped by kubernetes-models, then probes, resource requests, non-root pods,
 *   Service selectors and ports, the router's HorizontalPodAutoscaler, and the shared drivers.
 * Every problem is listed; the exit code is 1 when there is any.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DockerfileParser } from 'dockerfile-ast';
import { validate as lintDockerfile } from 'dockerfile-utils';
import { parse as parseYaml, parseAllDocuments } from 'yaml';
import { readProcessEnv, sharedTopologyProblems } from '@grove/platform';
import { deployableServices } from '../router/src/deployable-services';

const ROOT = join(__dirname, '..');
const ENV = readProcessEnv();
/** Every service of the router's registry and its port (a subgraph added there must be in every manifest). */
const DEPLOYABLES = deployableServices();
const SERVICES: Record<string, number> = Object.fromEntries(DEPLOYABLES.map((s) => [s.name, s.port]));
const SUBGRAPHS: Record<string, number> = Object.fromEntries(
  DEPLOYABLES.filter((s) => s.name !== 'router').map((s) => [s.name, s.port]),
);
/** Values for the compose files' mandatory variables; production would refuse them (change-me). */
const COMPOSE_CHECK_ENV = Object.fromEntries(
  [
    'JWT_SECRET',
    'INTERNAL_TOKEN_SECRET',
    'APP_SECRET_ENCRYPTION_KEY',
    'SDK_RUNTIME_CACHE_KEY',
    'OBJECT_URL_SECRET',
    'POSTGRES_PASSWORD',
    'MINIO_ROOT_PASSWORD',
    'BOOTSTRAP_ADMIN_PASSWORD',
  ].map((name) => [name, `change-me-check-deploy-only-${name.toLowerCase()}`]),
);

const problems: string[] = [];
const problem = (where: string, message: string) => problems.push(`${where}: ${message}`);
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');
const timed = <T>(label: string, fn: () => T): T => {
  const started = Date.now();
  const before = problems.length;
  const result = fn();
  const found = problems.length - before;
  console.log(
    `${found ? 'FAIL' : 'ok  '} ${label} (${Date.now() - started} ms${found ? `, ${found} problem(s)` : ''})`,
  );
  return result;
};

/** The expected port of a subgraph's URL in SUBGRAPH_URLS, by DNS name. */
function checkSubgraphUrls(where: string, value: unknown, hostOf: (name: string) => string) {
  if (typeof value !== 'string') return problem(where, 'SUBGRAPH_URLS is not set');
  const urls = new Map(
    value
      .split(',')
      .map((entry) => [entry.slice(0, entry.indexOf('=')), entry.slice(entry.indexOf('=') + 1)]),
  );
  for (const [name, port] of Object.entries(SUBGRAPHS)) {
    const expected = `http://${hostOf(name)}:${port}/graphql`;
    if (urls.get(name) !== expected)
      problem(where, `SUBGRAPH_URLS has ${name}=${urls.get(name) ?? '(missing)'}, expected ${expected}`);
  }
}

function checkDockerfile() {
  const text = read('Dockerfile');
  for (const d of lintDockerfile(text)) {
    if (d.severity === 1) problem('Dockerfile', `line ${d.range.start.line + 1}: ${d.message}`);
  }
  const dockerfile = DockerfileParser.parse(text);
  const froms = dockerfile.getFROMs();
  if (froms.length < 2) problem('Dockerfile', 'is not multi-stage');
  const finalStart = froms.at(-1)?.getRange().start.line ?? 0;
  const final = dockerfile.getInstructions().filter((i) => i.getRange().start.line >= finalStart);
  const users = final
    .filter((i) => i.getKeyword() === 'USER')
    .map((i) => i.getArgumentsContent()?.trim() ?? '');
  const user = users.at(-1);
  if (!user || /^(root|0)(:.*)?$/.test(user))
    problem('Dockerfile', `final stage runs as ${user ?? 'root (no USER)'}; it must set a non-root USER`);
  if (!final.some((i) => i.getKeyword() === 'HEALTHCHECK'))
    problem('Dockerfile', 'final stage has no HEALTHCHECK');
  const entrypoint = final.find((i) => i.getKeyword() === 'ENTRYPOINT')?.getArgumentsContent() ?? '';
  if (!entrypoint.includes('infra/docker-entrypoint.sh'))
    problem('Dockerfile', 'ENTRYPOINT is not infra/docker-entrypoint.sh');

  const ignore = read('.dockerignore')
    .split('\n')
    .map((l) => l.trim());
  for (const must of ['.git', '**/node_modules', 'data'])
    if (!ignore.includes(must)) problem('.dockerignore', `does not exclude ${must}`);

  const script = 'infra/docker-entrypoint.sh';
  const syntax = spawnSync('sh', ['-n', join(ROOT, script)], { encoding: 'utf8' });
  if (syntax.status !== 0) problem(script, `sh -n: ${syntax.stderr.trim()}`);
  const entry = read(script);
  // The image runs what `npm run build` compiles (docs/adr/0008): <workspace>/dist/main.js from <workspace>/src/main.ts.
  if (
    !dockerfile
      .getInstructions()
      .some((i) => i.getKeyword() === 'RUN' && /\bnpm run build\b/.test(i.getArgumentsContent() ?? ''))
  ) {
    problem('Dockerfile', 'no stage runs npm run build (the entry point starts the built dist/main.js)');
  }
  for (const name of Object.keys(SERVICES)) {
    const workspace = name === 'router' ? 'router' : `subgraphs/${name}`;
    const source = `${workspace}/src/main.ts`;
    const main = `${workspace}/dist/main.js`;
    if (!existsSync(join(ROOT, source))) problem(script, `${source} (built into ${main}) does not exist`);
    if (!new RegExp(`^\\s*${name}\\)\\s+main=${main.replace(/[./]/g, '\\$&')};`, 'm').test(entry))
      problem(script, `does not start ${name} from ${main}`);
  }
  const unknown = spawnSync('sh', [join(ROOT, script), 'no-such-service'], {
    encoding: 'utf8',
    env: { PATH: ENV.PATH, TMPDIR: tmpdir() },
  });
  if (unknown.status !== 64)
    problem(script, `an unknown service exits ${unknown.status}, expected 64 (usage)`);
}

let composeBin: string | null | undefined;
function dockerCompose(): string | undefined {
  if (composeBin !== undefined) return composeBin ?? undefined;
  composeBin = null;
  const found = spawnSync('docker-compose', ['version', '--short'], { encoding: 'utf8' });
  if (found.status === 0) return (composeBin = 'docker-compose');
  problem('compose', 'docker-compose is not installed (apt-get install docker-compose; .ci/run does it)');
  return undefined;
}

function checkComposeFile(file: string, profile: 'standard' | 'large' | 'middleware') {
  const bin = dockerCompose();
  if (!bin) return;
  let path = join(ROOT, file);
  let cleanup: string | undefined;
  if (profile === 'middleware') {
    // docker-compose 1.29 predates the top-level `name:` of the compose spec (Compose v2 reads it).
    cleanup = mkdtempSync(join(ROOT, 'infra', '.check-'));
    path = join(cleanup, 'compose.yaml');
    writeFileSync(path, read(file).replace(/^name:.*$/m, ''));
  }
  try {
    const result = spawnSync(bin, ['-f', path, 'config', '-q'], {
      cwd: join(ROOT, 'infra'),
      encoding: 'utf8',
      env: { PATH: ENV.PATH, HOME: ENV.HOME, ...COMPOSE_CHECK_ENV },
    });
    if (result.status !== 0)
      problem(file, `docker-compose config: ${(result.stderr || result.stdout).trim()}`);
  } finally {
    if (cleanup) rmSync(cleanup, { recursive: true, force: true });
  }
  if (profile === 'middleware') return;

  const compose = parseYaml(read(file), { merge: true }) as {
    services: Record<string, { command?: string[]; environment?: Record<string, string>; ports?: string[] }>;
  };
  for (const [name, port] of Object.entries(SERVICES)) {
    const service = compose.services[name];
    if (!service) {
      problem(file, `service ${name} is missing`);
      continue;
    }
    if (service.command?.[0] !== name)
      problem(file, `${name} runs ${JSON.stringify(service.command)}, expected ["${name}"]`);
    const env = service.environment ?? {};
    const portVar = name === 'router' ? 'PORT' : `${name.toUpperCase().replace(/-/g, '_')}_PORT`;
    if (String(env[portVar]) !== String(port))
      problem(file, `${name} sets ${portVar}=${env[portVar]}, expected ${port}`);
    for (const p of sharedTopologyProblems(
      {
        DOCUMENTS_DRIVER: env.DOCUMENTS_DRIVER,
        EVENTS_DRIVER: env.EVENTS_DRIVER,
        OBJECT_STORE_DRIVER: env.OBJECT_STORE_DRIVER,
      },
      name,
    ))
      problem(file, p);
    const expected = profile === 'standard' ? ['postgres', 'redis'] : ['mongodb', 'kafka'];
    if (env.DOCUMENTS_DRIVER !== expected[0] || env.EVENTS_DRIVER !== expected[1])
      problem(file, `${name} is not on the ${profile} profile (${expected.join(' + ')})`);
  }
  const router = compose.services.router?.environment ?? {};
  if (router.SUBGRAPH_MODE !== 'distributed') problem(file, 'router is not in SUBGRAPH_MODE=distributed');
  checkSubgraphUrls(`${file} router`, router.SUBGRAPH_URLS, (name) => name);
}

interface K8sObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; labels?: Record<string, string> };
  spec?: any;
  data?: Record<string, string>;
}

/** The kubernetes-models class of apiVersion/kind (JSON schema validation, offline). */
function modelOf(
  apiVersion: string,
  kind: string,
): { new (data: unknown): { validate(): void } } | undefined {
  const path =
    apiVersion === 'v1' ? `kubernetes-models/v1/${kind}` : `kubernetes-models/${apiVersion}/${kind}`;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return (require(path) as Record<string, { new (data: unknown): { validate(): void } }>)[kind];
  } catch {
    return undefined;
  }
}

function checkKubernetes() {
  const base = 'infra/k8s/base';
  let rendered: string;
  try {
    rendered = execFileSync('kubectl', ['kustomize', join(ROOT, base)], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  } catch (error) {
    const e = error as { code?: string; stderr?: string };
    problem(
      base,
      e.code === 'ENOENT' ? 'kubectl is not installed' : `kubectl kustomize: ${e.stderr?.trim()}`,
    );
    return;
  }
  const objects: K8sObject[] = [];
  for (const doc of parseAllDocuments(rendered)) {
    if (doc.errors.length) problem(base, `rendered YAML: ${doc.errors[0].message}`);
    const value = doc.toJS() as K8sObject | null;
    if (value) objects.push(value);
  }
  for (const object of objects) {
    const id = `${object.kind}/${object.metadata?.name}`;
    const Model = modelOf(object.apiVersion, object.kind);
    if (!Model) {
      problem(base, `${id}: no schema for ${object.apiVersion} ${object.kind}`);
      continue;
    }
    try {
      new Model(object).validate();
    } catch (error) {
      const e = error as { message: string; errors?: { instancePath: string; message?: string }[] };
      problem(
        base,
        `${id} does not match the Kubernetes schema: ${e.errors?.map((x) => `${x.instancePath} ${x.message}`).join('; ') ?? e.message}`,
      );
    }
  }
  const byKind = (kind: string) => objects.filter((o) => o.kind === kind);
  const deployments = byKind('Deployment');
  // A StatefulSet where pods need stable names (the search replicas name their consumer groups after them).
  const workloads = [...deployments, ...byKind('StatefulSet')];
  for (const [name, port] of Object.entries(SERVICES)) {
    const deployment = workloads.find((d) => d.metadata.name === name);
    if (!deployment) {
      problem(base, `Deployment/${name} is missing`);
      continue;
    }
    const pod = deployment.spec.template.spec;
    if (pod.securityContext?.runAsNonRoot !== true)
      problem(base, `Deployment/${name}: pod does not set runAsNonRoot`);
    for (const c of pod.containers as any[]) {
      const where = `Deployment/${name} container ${c.name}`;
      if (JSON.stringify(c.args) !== JSON.stringify([name]))
        problem(base, `${where}: args ${JSON.stringify(c.args)}, expected ["${name}"]`);
      if (c.readinessProbe?.httpGet?.path !== '/readyz')
        problem(base, `${where}: readinessProbe is not GET /readyz`);
      if (c.livenessProbe?.httpGet?.path !== '/healthz')
        problem(base, `${where}: livenessProbe is not GET /healthz`);
      if (!c.resources?.requests?.cpu || !c.resources?.requests?.memory)
        problem(base, `${where}: no cpu and memory requests`);
      if (!(c.ports ?? []).some((p: any) => p.containerPort === port))
        problem(base, `${where}: does not expose ${port}`);
    }
    const service = byKind('Service').find((s) => s.metadata.name === name);
    const labels = deployment.spec.template.metadata.labels ?? {};
    if (!service)
      problem(base, `Service/${name} is missing (the DNS name ${name} is how the router finds it)`);
    else if (!Object.entries(service.spec.selector ?? {}).every(([k, v]) => labels[k] === v))
      problem(base, `Service/${name} selector does not match Deployment/${name}`);
    else if (!service.spec.ports?.some((p: any) => p.port === port))
      problem(base, `Service/${name} does not serve port ${port}`);
  }
  const router = deployments.find((d) => d.metadata.name === 'router');
  const routerEnv = Object.fromEntries(
    ((router?.spec.template.spec.containers[0].env ?? []) as { name: string; value?: string }[]).map((e) => [
      e.name,
      e.value,
    ]),
  );
  checkSubgraphUrls(`${base} Deployment/router`, routerEnv.SUBGRAPH_URLS, (name) => name);
  const hpa = byKind('HorizontalPodAutoscaler').find(
    (h) => h.spec?.scaleTargetRef?.kind === 'Deployment' && h.spec.scaleTargetRef.name === 'router',
  );
  if (!hpa) problem(base, 'no HorizontalPodAutoscaler scales Deployment/router');
  const config = byKind('ConfigMap').find((c) => c.metadata.name.startsWith('grove-config'))?.data ?? {};
  for (const p of sharedTopologyProblems(
    {
      DOCUMENTS_DRIVER: config.DOCUMENTS_DRIVER,
      EVENTS_DRIVER: config.EVENTS_DRIVER,
      OBJECT_STORE_DRIVER: config.OBJECT_STORE_DRIVER,
    },
    'every service',
  )) {
    problem(`${base} ConfigMap/grove-config`, p);
  }
  console.log(
    `     ${objects.length} objects rendered: ${[...new Set(objects.map((o) => o.kind))].join(', ')}`,
  );
}

timed('Dockerfile, .dockerignore and infra/docker-entrypoint.sh', checkDockerfile);
timed('infra/compose.yaml (standard profile)', () => checkComposeFile('infra/compose.yaml', 'standard'));
timed('infra/compose.large.yaml (large profile)', () =>
  checkComposeFile('infra/compose.large.yaml', 'large'),
);
timed('infra/compose.middleware.yml', () => checkComposeFile('infra/compose.middleware.yml', 'middleware'));
timed('infra/k8s/base (kustomize + Kubernetes schemas)', checkKubernetes);

if (problems.length) {
  console.error(`\n${problems.length} problem(s):\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  process.exit(1);
}
console.log('deploy check: all good');
