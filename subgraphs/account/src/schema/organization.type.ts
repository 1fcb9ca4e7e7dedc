import { CURSOR_FIELD_DESCRIPTION } from '@grove/platform';
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { AmendmentStatus, OrganizationStatus } from './enums';

/**
 * An institution. Public: id, name, status, frozen. The rest (credit code, contacts, licence, review data)
 * are field resolvers readable by the organization's members and operators only.
 */
@Directive('@key(fields: "id")')
@ObjectType()
export class Organization {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field(() => OrganizationStatus)
  status!: OrganizationStatus;

  @Field({ description: 'Frozen organizations keep their data but their members cannot act for them' })
  frozen!: boolean;

  @Field(() => String, { nullable: true, description: `${CURSOR_FIELD_DESCRIPTION} (myOrganizations)` })
  cursor?: string;
}

@ObjectType()
export class OrganizationPage {
  @Field(() => [Organization])
  items!: Organization[];

  @Field(() => Int)
  total!: number;
}

@ObjectType({
  description:
    'A change of name, credit code or licence of an approved organization; the approved details apply until it is approved',
})
export class OrganizationAmendment {
  @Field(() => ID)
  id!: string;

  @Field(() => AmendmentStatus)
  status!: AmendmentStatus;

  @Field()
  name!: string;

  @Field()
  creditCode!: string;

  @Field()
  licenceDocumentRef!: string;

  @Field(() => ID)
  submittedBy!: string;

  @Field()
  submittedAt!: Date;

  @Field(() => String, { nullable: true })
  rejectionReason?: string;

  @Field(() => Date, { nullable: true })
  reviewedAt?: Date;
}
