import type { CatalogueReadsOf } from '@grove/contracts';
import type { OrganizationService } from '../service/organization.service';

/** An organization's public name and freeze, for the search index (its approved name: amendments wait for review). */
export function accountCatalogueReads(
  organizations: Pick<OrganizationService, 'reference'>,
): CatalogueReadsOf<'account'> {
  return {
    async catalogueOrganization({ orgId }) {
      const org = await organizations.reference(orgId);
      return org ? { orgId: org.id, name: org.name, frozen: org.frozen } : null;
    },
  };
}
