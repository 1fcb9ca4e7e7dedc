import { CURSOR_FIELD_DESCRIPTION } from '@grove/platform';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { BusinessDomainStatus, VerificationMethod } from './enums';

@ObjectType({
  description: 'Serve `content` as `https://<domain>/<fileName>` to prove ownership of a business domain',
})
export class VerificationFile {
  @Field()
  fileName!: string;

  @Field()
  content!: string;
}

@ObjectType({ description: 'A web-view (business) domain of a mini-program' })
export class BusinessDomain {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  appId!: string;

  @Field({ description: 'Punycode, lower case' })
  domain!: string;

  @Field(() => BusinessDomainStatus)
  status!: BusinessDomainStatus;

  @Field(() => VerificationFile)
  verificationFile!: VerificationFile;

  @Field(() => VerificationMethod, { nullable: true })
  verificationMethod?: VerificationMethod;

  @Field(() => Date, { nullable: true })
  verifiedAt?: Date;

  @Field(() => Date, { nullable: true })
  lastCheckedAt?: Date;

  @Field(() => String, {
    nullable: true,
    description:
      'Why the last check failed: MISMATCH, HTTP_STATUS, TIMEOUT, TOO_LARGE, REDIRECT_NOT_ALLOWED, TOO_MANY_REDIRECTS, UNREACHABLE',
  })
  failureReason?: string;

  @Field(() => String, { nullable: true })
  failureDetail?: string;

  @Field()
  createdAt!: Date;
}

@ObjectType({ description: 'Service domain lists and business domains of a mini-program' })
export class MiniProgramDomains {
  @Field(() => ID)
  appId!: string;

  @Field(() => [String])
  request!: string[];

  @Field(() => [String])
  socket!: string[];

  @Field(() => [String])
  upload!: string[];

  @Field(() => [String])
  download!: string[];

  @Field(() => Int, {
    description: '0 before the first change; pass it as expectedVersion when replacing a list',
  })
  version!: number;

  @Field(() => Date, { nullable: true })
  updatedAt?: Date;

  @Field(() => [BusinessDomain], { description: 'By domain name' })
  businessDomains!: BusinessDomain[];
}

@ObjectType({ description: 'A business domain operators exempted from verification' })
export class WhitelistDomain {
  @Field()
  domain!: string;

  @Field(() => String, { nullable: true })
  note?: string;

  @Field(() => ID)
  addedBy!: string;

  @Field()
  createdAt!: Date;

  @Field(() => String, { nullable: true, description: CURSOR_FIELD_DESCRIPTION })
  cursor?: string;
}
