import type { RuntimeReadsOf } from '@grove/contracts';
import type { OrganizationService } from '../service/organization.service';

/** Whether an organization is frozen (its host apps and mini-programs are refused by the SDK runtime). */
export function accountRuntimeReads(
  organizations: Pick<OrganizationService, 'reference'>,
): RuntimeReadsOf<'account'> {
  return {
    organizationFrozen: async ({ orgId }) => (await organizations.reference(orgId))?.frozen === true,
  };
}
