import type { z } from 'zod';
import { ENV_SECTIONS } from './env-reference';
import { subgraphFactories } from './subgraph-registry';

/** One deployable of the image: the router or a subgraph of the router's registry. */
export interface DeployableService {
  /** Entry point argument, compose service, Kubernetes Deployment/Service and SUBGRAPH_URLS key. */
  name: string;
  workspace: string;
  /** `PORT` for the router, `<NAME>_PORT` for a subgraph. */
  portVar: string;
  /** The default of `portVar` in the service's own zod schema. */
  port: number;
}

/**
 * Every service the deploy manifests must carry, derived from the router's registry (a subgraph added there is a
 * service here) and its port from the service's own schema, so manifests and checks cannot keep a stale list.
 */
export function deployableServices(): DeployableService[] {
  const shapes: Record<string, z.ZodType> = Object.assign(
    {},
    ...ENV_SECTIONS.map((section) => section.shape),
  );
  const portOf = (portVar: string): number => {
    const schema = shapes[portVar];
    if (!schema) throw new Error(`No configuration schema declares ${portVar}`);
    const port = schema.safeParse(undefined);
    if (!port.success || typeof port.data !== 'number') throw new Error(`${portVar} has no numeric default`);
    return port.data;
  };
  return [
    { name: 'router', workspace: 'router', portVar: 'PORT', port: portOf('PORT') },
    ...Object.keys(subgraphFactories).map((name) => {
      const portVar = `${name.toUpperCase().replace(/-/g, '_')}_PORT`;
      return { name, workspace: `subgraphs/${name}`, portVar, port: portOf(portVar) };
    }),
  ];
}
