import { OperatorRole, OrgRole } from '@grove/platform';
import { registerEnumType } from 'type-graphql';
import { InvitationStatus } from '../store/invitation.model';
import { OrganizationStatus } from '../store/organization.model';

registerEnumType(OrganizationStatus, { name: 'OrganizationStatus', description: 'Review state of an organization application' });
registerEnumType(OrgRole, { name: 'OrgRole' });
registerEnumType(OperatorRole, { name: 'OperatorRole' });
registerEnumType(InvitationStatus, { name: 'InvitationStatus' });

export { InvitationStatus, OperatorRole, OrganizationStatus, OrgRole };
