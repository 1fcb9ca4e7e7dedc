import {
  ForbiddenError,
  hasOperatorPermission,
  hasOrgPermission,
  Permission,
  requireUser,
  type Principal,
} from '@grove/platform';
import {
  CatalogueStatus,
  type SearchEngine,
  type SearchFilter,
  type SearchResult,
} from '../engine/search-engine.port';
import { parseInput, searchInputSchema, type SearchInput } from './search-input';

/**
 * Who finds what (issue 10 item 4): operators search everything; an institution's members their own catalogue,
 * drafts included; a host app's devices only mini-programs linked to that host app, published, not frozen (the
 * mini-program or its organization) and not delisted. Visibility is a filter the caller cannot widen.
 */
export class SearchService {
  constructor(private readonly engine: SearchEngine) {}

  /** Console search (`searchMiniPrograms`): operators, or members of the organizations searched. */
  async searchCatalogue(p: Principal, input: unknown): Promise<SearchResult> {
    const user = requireUser(p);
    const query = parseInput(searchInputSchema, input);
    const filter: SearchFilter = { ...query.filter };
    if (!hasOperatorPermission(user, Permission.ORG_READ_ANY)) {
      const own = user.memberships
        .map((m) => m.orgId)
        .filter((orgId) => hasOrgPermission(user, orgId, Permission.MINIPROGRAM_READ));
      if (own.length === 0)
        throw new ForbiddenError('Only operators and members of an organization search mini-programs');
      const foreign = (query.filter.orgIds ?? []).filter((orgId) => !own.includes(orgId));
      if (foreign.length > 0)
        throw new ForbiddenError('Missing permission miniprogram:read for this organization');
      filter.orgIds = query.filter.orgIds ?? own;
    }
    return this.run(query, filter);
  }

  /** A device's search through its host app (the signed runtime route has verified the host app). */
  async searchForHostApp(hostAppId: string, input: unknown): Promise<SearchResult> {
    const query = parseInput(searchInputSchema, input);
    return this.run(query, {
      categories: query.filter.categories,
      hostAppId,
      statuses: [CatalogueStatus.PUBLISHED],
      searchableOnly: true,
    });
  }

  private run(query: SearchInput, filter: SearchFilter): Promise<SearchResult> {
    return this.engine.search({
      text: query.text,
      filter,
      offset: query.page.offset,
      limit: query.page.limit,
    });
  }
}
