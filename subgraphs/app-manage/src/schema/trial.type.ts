import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { TrialQrFormat } from '../service/trial.service';

registerEnumType(TrialQrFormat, { name: 'TrialQrFormat', description: 'Image format of a trial QR code' });

export { TrialQrFormat };

@ObjectType({
  description:
    'A tester of the trial version (体验成员), named by the user id the host app sends to the SDK runtime',
})
export class TrialMember {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  appId!: string;

  @Field({ description: "The host app's user id (the runtime's `userId` parameter / `x-user-id` header)" })
  userId!: string;

  @Field(() => String, { nullable: true })
  label?: string;

  @Field(() => ID)
  addedBy!: string;

  @Field()
  createdAt!: Date;
}

@ObjectType({
  description: 'A QR code that opens the trial version on a tester’s device through the SDK runtime',
})
export class TrialQrCode {
  @Field(() => ID)
  appId!: string;

  @Field(() => ID)
  versionId!: string;

  @Field({ description: 'What the code encodes: grove://applet/<appId>?trial=<token>' })
  deepLink!: string;

  @Field({ description: 'Signed grant for this version; the SDK passes it as the runtime `trial` parameter' })
  token!: string;

  @Field()
  expiresAt!: Date;

  @Field(() => TrialQrFormat)
  format!: TrialQrFormat;

  @Field({ description: 'image/png or image/svg+xml' })
  contentType!: string;

  @Field({ description: 'Base64 PNG bytes, or the SVG document' })
  data!: string;

  @Field({ description: 'data: URL of the image' })
  dataUrl!: string;
}
