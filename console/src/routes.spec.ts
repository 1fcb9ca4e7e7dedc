import { describe, expect, it } from 'vitest';
import { PAGE_ROUTES, routeFor } from './routes';

describe('the console page table', () => {
  it('finds the page of a deep link, parameters and trailing slash included', () => {
    expect(routeFor('/mini-programs')?.path).toBe('/mini-programs');
    expect(routeFor('/mini-programs/')?.path).toBe('/mini-programs');
    expect(routeFor('/mini-programs/mp0123456789abcdef')?.path).toBe('/mini-programs/:appId');
    expect(routeFor('/host-apps/h1')?.path).toBe('/host-apps/:id');
    expect(routeFor('/mini-programs/mp1/statistics')?.path).toBe('/mini-programs/:appId/statistics');
    expect(routeFor('/operator/search')?.path).toBe('/operator/search');
    expect(routeFor('/login')?.framed).toBe(false);
  });

  it('finds nothing for paths that are no page', () => {
    expect(routeFor('/')).toBeUndefined();
    expect(routeFor('/mini-programs/a/b')).toBeUndefined();
    expect(routeFor('/nowhere')).toBeUndefined();
  });

  it('names each path once', () => {
    const paths = PAGE_ROUTES.map((route) => route.path);
    expect(new Set(paths).size).toBe(paths.length);
  });
});
