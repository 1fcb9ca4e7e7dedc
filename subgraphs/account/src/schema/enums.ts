import { OperatorRole, OrgRole } from '@grove/platform';
import { registerEnumType } from 'type-graphql';
import { InvitationStatus } from '../store/invitation.model';
import { AmendmentStatus, OrganizationStatus } from '../store/organization.model';

registerEnumType(OrganizationStatus, {
  name: 'OrganizationStatus',
  description: 'Review state of an organization application',
});
registerEnumType(OrgRole, { name: 'OrgRole' });
registerEnumType(OperatorRole, { name: 'OperatorRole' });
registerEnumType(InvitationStatus, { name: 'InvitationStatus' });
registerEnumType(AmendmentStatus, {
  name: 'OrganizationAmendmentStatus',
  description: 'Review state of a change of name, credit code or licence',
});

export { AmendmentStatus, InvitationStatus, OperatorRole, OrganizationStatus, OrgRole };
