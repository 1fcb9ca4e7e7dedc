import {
  ForbiddenError,
  hasOperatorPermission,
  hasOrgPermission,
  Permission,
  requireUser,
  type Principal,
} from '@grove/platform';
import { synonymExpansions } from '../analysis/synonyms';
import {
  CatalogueStatus,
  type SearchEngine,
  type SearchFilter,
  type SearchResult,
} from '../engine/search-engine.port';
import { SearchPrincipalKind } from '../store/search-log.model';
import type { SearchLogService } from './search-log.service';
import { parseInput, searchInputSchema, type SearchInput } from './search-input';
import type { SearchSettingsService } from './search-settings.service';

/** A search as answered to its caller, with the id of its search log entry (a device reports clicks with it). */
export type LoggedSearchResult = SearchResult & { searchId: string };

/**
 * Who finds what (issue 10 item 4): operators search everything; an institution's members their own catalogue,
 * drafts included; a host app's devices only mini-programs linked to that host app, published, not frozen (the
 * mini-program or its organization), not delisted and not switched off by the owner. Visibility is a filter the
 * caller cannot widen. The operators' synonyms widen the query; every search is logged.
 */
export class SearchService {
  constructor(
    private readonly engine: SearchEngine,
    private readonly settings: SearchSettingsService,
    private readonly log: SearchLogService,
  ) {}

  /** Console search (`searchMiniPrograms`): operators, or members of the organizations searched. */
  async searchCatalogue(p: Principal, input: unknown): Promise<LoggedSearchResult> {
    const user = requireUser(p);
    const query = parseInput(searchInputSchema, input);
    const filter: SearchFilter = { ...query.filter };
    const operator = hasOperatorPermission(user, Permission.ORG_READ_ANY);
    if (!operator) {
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
    return this.run(query, filter, {
      principalKind: operator ? SearchPrincipalKind.OPERATOR : SearchPrincipalKind.MEMBER,
    });
  }

  /** A device's search through its host app (the signed runtime route has verified the host app). */
  async searchForHostApp(
    hostAppId: string,
    input: unknown,
    device: { deviceIdHash?: string } = {},
  ): Promise<LoggedSearchResult> {
    const query = parseInput(searchInputSchema, input);
    const filter: SearchFilter = {
      categories: query.filter.categories,
      hostAppId,
      statuses: [CatalogueStatus.PUBLISHED],
      searchableOnly: true,
    };
    return this.run(query, filter, {
      principalKind: SearchPrincipalKind.DEVICE,
      hostAppId,
      deviceIdHash: device.deviceIdHash,
    });
  }

  private async run(
    query: SearchInput,
    filter: SearchFilter,
    caller: { principalKind: SearchPrincipalKind; hostAppId?: string; deviceIdHash?: string },
  ): Promise<LoggedSearchResult> {
    const expansions = synonymExpansions(query.text, this.settings.currentSynonyms());
    const text = expansions.length > 0 ? `${query.text} ${expansions.join(' ')}` : query.text;
    const result = await this.engine.search({
      text,
      filter,
      offset: query.page.offset,
      limit: query.page.limit,
    });
    const searchId = await this.log.record({
      ...caller,
      query: query.text,
      hits: result.total,
      shownAppIds: result.hits.map((hit) => hit.document.appId),
    });
    return { ...result, searchId };
  }
}
