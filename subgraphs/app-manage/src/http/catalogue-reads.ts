import type { CatalogueReadsOf } from '@grove/contracts';
import type { LinkService } from '../service/link.service';
import type { MiniProgramService } from '../service/mini-program.service';
import type { VersionService } from '../service/version.service';

export interface AppManageCatalogueReadServices {
  links: Pick<LinkService, 'linkedHostAppIds'>;
  miniPrograms: Pick<MiniProgramService, 'byId' | 'idsAfter'>;
  versions: Pick<VersionService, 'publishedVersion' | 'hasDelistedVersion'>;
}

/** app-manage's answers to the search index: a mini-program's searchable state, and every id for a rebuild. */
export function appManageCatalogueReads(
  services: AppManageCatalogueReadServices,
): CatalogueReadsOf<'app-manage'> {
  const { links, miniPrograms, versions } = services;
  return {
    async catalogueEntry({ appId }) {
      const app = await miniPrograms.byId(appId);
      if (!app) return null;
      const [published, hostAppIds] = await Promise.all([
        versions.publishedVersion(appId),
        links.linkedHostAppIds(appId),
      ]);
      return {
        appId: app.appId,
        orgId: app.orgId,
        name: app.name,
        description: app.description ?? null,
        category: app.category ?? null,
        tags: app.tags,
        aliases: app.searchAliases,
        pages: app.searchablePages,
        searchable: app.searchable,
        logoKey: app.logoKey ?? null,
        frozen: app.status === 'FROZEN',
        published: published !== null,
        delisted: published ? false : await versions.hasDelistedVersion(appId),
        hostAppIds,
      };
    },

    async catalogueAppIds({ after, take }) {
      const appIds = await miniPrograms.idsAfter(after, take);
      return { appIds, next: appIds.length === take ? appIds[appIds.length - 1] : null };
    },
  };
}
