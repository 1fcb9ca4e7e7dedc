import { Field, ID, InputType } from 'type-graphql';
import { OperatorRole, OrgRole } from './enums';

// Shapes only: validation and normalisation happen in the services (zod), so every entry point agrees.

@InputType()
export class SignUpInput {
  @Field(() => String, { nullable: true })
  email?: string | null;

  @Field(() => String, { nullable: true, description: 'E.164, or an 11-digit mainland China mobile number' })
  phone?: string | null;

  @Field({ description: 'At least 10 characters with letters and digits' })
  password!: string;

  @Field()
  displayName!: string;

  @Field(() => String, { nullable: true, description: 'Joins the inviting organization' })
  invitationToken?: string | null;
}

@InputType()
export class LoginInput {
  @Field({ description: 'Email or phone number' })
  identifier!: string;

  @Field()
  password!: string;

  @Field(() => String, { nullable: true, description: 'Defaults to the x-device-id the router forwards' })
  deviceId?: string | null;

  @Field(() => String, { nullable: true })
  deviceName?: string | null;
}

@InputType()
export class OrganizationApplicationInput {
  @Field()
  name!: string;

  @Field({ description: 'Unified social credit code (统一社会信用代码), 18 characters' })
  creditCode!: string;

  @Field()
  contactName!: string;

  @Field()
  contactPhone!: string;

  @Field(() => String, { nullable: true })
  contactEmail?: string | null;

  @Field({ description: 'Reference to the uploaded business licence' })
  licenceDocumentRef!: string;
}

@InputType({
  description:
    'Only the fields to change. On an approved organization a new name, credit code or licence is reviewed first',
})
export class OrganizationUpdateInput {
  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Unified social credit code (统一社会信用代码), 18 characters',
  })
  creditCode?: string | null;

  @Field(() => String, { nullable: true })
  contactName?: string | null;

  @Field(() => String, { nullable: true })
  contactPhone?: string | null;

  @Field(() => String, { nullable: true, description: 'null or an empty string removes it' })
  contactEmail?: string | null;

  @Field(() => String, { nullable: true, description: 'Reference to the uploaded business licence' })
  licenceDocumentRef?: string | null;
}

@InputType()
export class ChangePasswordInput {
  @Field()
  currentPassword!: string;

  @Field({ description: 'At least 10 characters with letters and digits, not easy to guess' })
  newPassword!: string;
}

@InputType()
export class InviteMemberInput {
  @Field(() => ID)
  orgId!: string;

  @Field(() => String, { nullable: true })
  email?: string | null;

  @Field(() => String, { nullable: true })
  phone?: string | null;

  @Field(() => OrgRole)
  role!: OrgRole;
}

@InputType()
export class CreateOperatorInput {
  @Field()
  email!: string;

  @Field()
  displayName!: string;

  @Field(() => OperatorRole)
  role!: OperatorRole;

  @Field(() => String, { nullable: true, description: 'Generated and returned once when omitted' })
  password?: string | null;
}
