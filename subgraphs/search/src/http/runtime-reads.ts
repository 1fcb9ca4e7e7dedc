import type { RuntimeReadsOf, RuntimeSearchHit } from '@grove/contracts';
import type { SearchHit } from '../engine/search-engine.port';
import type { SearchLogService } from '../service/search-log.service';
import type { SearchService } from '../service/search.service';
import type { SearchSettingsService } from '../service/search-settings.service';

export interface SearchRuntimeReadServices {
  search: Pick<SearchService, 'searchForHostApp'>;
  settings: Pick<SearchSettingsService, 'currentHotWords'>;
  log: Pick<SearchLogService, 'clicked'>;
}

/** FinClip's `highLights` keys for our fields. */
const HIGHLIGHT_KEYS = {
  name: 'appName',
  aliases: 'aliases',
  keywords: 'tags',
  category: 'category',
  organizationName: 'organName',
  description: 'desc',
} as const;

/** One hit in FinClip's `searchApplet` shape: a matched page is where it opens, and its fragment the text shown. */
export function toRuntimeSearchHit({ document, highlights, page }: SearchHit): RuntimeSearchHit {
  const highLights: RuntimeSearchHit['highLights'] = highlights.map((h) => ({
    key: HIGHLIGHT_KEYS[h.field],
    value: h.fragment,
  }));
  if (page) highLights.push({ key: 'page', value: page.fragment });
  const description = highlights.find((h) => h.field === 'description')?.fragment;
  return {
    appId: document.appId,
    appName: document.name,
    desc: document.description,
    logoKey: document.logoKey,
    organName: document.organizationName,
    pageUrl: page?.path ?? '',
    showText: page?.fragment ?? description ?? '',
    highLights,
  };
}

/** The search service's answers to the SDK runtime (ADR 0009): a device's search, the hot words, a click. */
export function searchRuntimeReads(services: SearchRuntimeReadServices): RuntimeReadsOf<'search'> {
  return {
    async searchApplets({ hostAppId, text, offset, limit, deviceIdHash }) {
      const result = await services.search.searchForHostApp(
        hostAppId,
        { text, page: { offset, limit } },
        { deviceIdHash },
      );
      return { searchId: result.searchId, total: result.total, list: result.hits.map(toRuntimeSearchHit) };
    },
    async searchHotWords() {
      return services.settings.currentHotWords();
    },
    searchClicked({ hostAppId, searchId, appId }) {
      return services.log.clicked(hostAppId, searchId, appId);
    },
  };
}
