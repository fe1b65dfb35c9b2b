// The contract (shared/contract) and the Functions' route table describe the same API: every route
// has its contract entry with the same method and path, and every entry its route. A route added
// without request and answer schemas fails here.
import '../../scripts/quiet-registration';
import { API_ROUTES, type RouteContract } from '../../shared/contract';
import { ROUTES } from '../../functions/routes';

const contracts: Record<string, RouteContract> = API_ROUTES;

it('every route of functions/routes.ts has its contract, with the same method and path', () => {
  const missing = ROUTES.filter((r) => !contracts[r.name]).map((r) => r.name);
  expect(missing).toEqual([]);
  for (const r of ROUTES) {
    expect({ name: r.name, methods: r.methods, path: r.route }).toEqual({
      name: r.name,
      methods: [contracts[r.name].method],
      path: contracts[r.name].path,
    });
  }
});

it('every contract entry is a route', () => {
  const names = new Set(ROUTES.map((r) => r.name));
  expect(Object.keys(API_ROUTES).filter((n) => !names.has(n))).toEqual([]);
});

it('routes taking a body say which schemas read it', () => {
  for (const [name, c] of Object.entries(contracts)) {
    if (c.method === 'GET') expect({ name, body: c.body }).toEqual({ name, body: undefined });
  }
  expect(contracts.recordOutcome.body).toHaveLength(4);
});
