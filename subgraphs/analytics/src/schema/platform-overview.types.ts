import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType({
  description:
    "Platform totals at the end of a day or period, from the owners' events since analytics first ran",
})
export class PlatformTotals {
  @Field(() => Int, { description: 'Approved organizations, frozen ones included' })
  organizations!: number;

  @Field(() => Int)
  organizationsFrozen!: number;

  @Field(() => Int, { description: 'Mini-programs created and not deleted' })
  miniPrograms!: number;

  @Field(() => Int, { description: 'Mini-programs with a published version, not frozen and not deleted' })
  miniProgramsOnline!: number;

  @Field(() => Int, { description: 'Host apps created and not deleted' })
  hostApps!: number;
}

@ObjectType()
export class PlatformDay extends PlatformTotals {
  @Field({ description: 'YYYY-MM-DD in the reporting time zone' })
  day!: string;

  @Field(() => Int, { description: 'Organizations approved for the first time that day' })
  organizationsApproved!: number;

  @Field(() => Int)
  miniProgramsCreated!: number;

  @Field(() => Int)
  hostAppsCreated!: number;

  @Field(() => Int, { description: 'Distinct devices that day across every mini-program' })
  activeDevices!: number;

  @Field(() => Int)
  launches!: number;
}

@ObjectType({
  description:
    "The operators' platform overview (app-spider): organizations, mini-programs, host apps, devices and launches per day",
})
export class PlatformOverview {
  @Field()
  from!: string;

  @Field()
  to!: string;

  @Field({ description: 'The installation-wide reporting time zone every day boundary uses' })
  timeZone!: string;

  @Field(() => [PlatformDay], { description: 'Every day of the period, zeros included' })
  days!: PlatformDay[];

  @Field(() => PlatformTotals, { description: 'At the end of the period' })
  totals!: PlatformTotals;

  @Field(() => Int, { description: 'Sum over the period' })
  organizationsApproved!: number;

  @Field(() => Int, { description: 'Sum over the period' })
  miniProgramsCreated!: number;

  @Field(() => Int, { description: 'Sum over the period' })
  hostAppsCreated!: number;

  @Field(() => Int, {
    description: 'Distinct over the whole period across every mini-program (not a sum of days)',
  })
  activeDevices!: number;

  @Field(() => Int, { description: 'Sum over the period' })
  launches!: number;
}
