import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse as parseYaml, parseAllDocuments } from 'yaml';
import { deployableServices } from './deployable-services';
import { subgraphFactories } from './subgraph-registry';

// The offline half of `npm run check:deploy` that needs neither docker-compose nor kubectl: every service of the
// router's registry is in every manifest, so a subgraph added to the registry cannot ship undeployable.
const ROOT = resolve(__dirname, '../..');
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');
const services = deployableServices();
const subgraphs = services.filter((s) => s.name !== 'router');

function urlMap(value: unknown): Map<string, string> {
  return new Map(
    String(value ?? '')
      .split(',')
      .map((entry) => [entry.slice(0, entry.indexOf('=')), entry.slice(entry.indexOf('=') + 1)]),
  );
}

describe('deploy manifests carry every registered service', () => {
  it('derives one service per registry entry, each with its own port', () => {
    expect(subgraphs.map((s) => s.name)).toEqual(Object.keys(subgraphFactories));
    expect(new Set(services.map((s) => s.port)).size).toBe(services.length);
  });

  it.each(['infra/compose.yaml', 'infra/compose.large.yaml'])('%s', (file) => {
    const compose = parseYaml(read(file), { merge: true }) as {
      services: Record<
        string,
        { command?: string[]; environment?: Record<string, string>; depends_on?: Record<string, unknown> }
      >;
    };
    for (const service of services) {
      const entry = compose.services[service.name];
      expect({
        service: service.name,
        command: entry?.command,
        port: entry?.environment?.[service.portVar],
      }).toEqual({
        service: service.name,
        command: [service.name],
        port: String(service.port),
      });
    }
    const router = compose.services.router;
    const urls = urlMap(router.environment?.SUBGRAPH_URLS);
    for (const subgraph of subgraphs) {
      expect(`${subgraph.name}=${urls.get(subgraph.name)}`).toBe(
        `${subgraph.name}=http://${subgraph.name}:${subgraph.port}/graphql`,
      );
      expect(Object.keys(router.depends_on ?? {})).toContain(subgraph.name);
    }
  });

  it('infra/k8s/base', () => {
    const base = 'infra/k8s/base';
    const kustomization = parseYaml(read(`${base}/kustomization.yaml`)) as { resources: string[] };
    const objects = kustomization.resources.flatMap((file) =>
      parseAllDocuments(read(`${base}/${file}`)).map(
        (doc) => doc.toJS() as { kind: string; metadata: { name: string }; spec?: any },
      ),
    );
    for (const service of services) {
      const deployment = objects.find(
        (o) => (o.kind === 'Deployment' || o.kind === 'StatefulSet') && o.metadata.name === service.name,
      );
      const container = deployment?.spec.template.spec.containers[0];
      expect({
        service: service.name,
        args: container?.args,
        port: container?.ports?.[0]?.containerPort,
      }).toEqual({
        service: service.name,
        args: [service.name],
        port: service.port,
      });
      expect(objects.some((o) => o.kind === 'Service' && o.metadata.name === service.name)).toBe(true);
    }
    const router = objects.find((o) => o.kind === 'Deployment' && o.metadata.name === 'router');
    const env = Object.fromEntries(
      (router?.spec.template.spec.containers[0].env as { name: string; value?: string }[]).map((e) => [
        e.name,
        e.value,
      ]),
    );
    const urls = urlMap(env.SUBGRAPH_URLS);
    for (const subgraph of subgraphs)
      expect(`${subgraph.name}=${urls.get(subgraph.name)}`).toBe(
        `${subgraph.name}=http://${subgraph.name}:${subgraph.port}/graphql`,
      );
  });

  it('infra/docker-entrypoint.sh starts each built service', () => {
    const entry = read('infra/docker-entrypoint.sh');
    for (const service of services) {
      const line = entry.split('\n').find((l) => l.trim().startsWith(`${service.name})`));
      expect(
        `${service.name}: ${line?.includes(`main=${service.workspace}/dist/main.js;`) && line.includes(`${service.portVar}:-${service.port}`)}`,
      ).toBe(`${service.name}: true`);
    }
  });

  it('infra/distributed.env routes to every subgraph on this host', () => {
    const line = read('infra/distributed.env')
      .split('\n')
      .find((l) => l.startsWith('SUBGRAPH_URLS='));
    const urls = urlMap(line?.slice('SUBGRAPH_URLS='.length));
    for (const subgraph of subgraphs)
      expect(`${subgraph.name}=${urls.get(subgraph.name)}`).toBe(
        `${subgraph.name}=http://127.0.0.1:${subgraph.port}/graphql`,
      );
  });
});
