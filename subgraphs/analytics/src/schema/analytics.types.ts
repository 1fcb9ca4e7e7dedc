import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum AnalyticsDimension {
  PLATFORM = 'platform',
  VERSION = 'version',
  VERSION_SOURCE = 'version_source',
  OS_VERSION = 'os_version',
  DEVICE_MODEL = 'device_model',
  NETWORK = 'network',
  SDK_VERSION = 'sdk_version',
  REGION = 'region',
  HOST_APP = 'host_app',
}
registerEnumType(AnalyticsDimension, {
  name: 'AnalyticsDimension',
  description: "What a breakdown groups by; a value the device did not report is 'unknown'",
  valuesConfig: {
    VERSION: { description: "The version id the event reported ('unknown' without one)" },
    VERSION_SOURCE: { description: 'release, gray or trial, as reported' },
    OS_VERSION: { description: "Platform and OS version ('IOS 17.4')" },
    REGION: { description: 'Province, from the offline IP database at report time' },
    HOST_APP: { description: 'The host app id of the SDK key that reported' },
  },
});

@ObjectType({
  description:
    "FinClip's core statistics over a day or a period. A user is a device: the SDK's device id, counted once per mini-program",
})
export class AnalyticsMetrics {
  @Field(() => Int, { description: 'Devices whose first event for the mini-program falls in the period' })
  newUsers!: number;

  @Field(() => Int, {
    description:
      'Distinct devices with any event in the period: distinct over the whole period, not a sum of days',
  })
  activeUsers!: number;

  @Field(() => Int, {
    description:
      'Launches: cold starts, and returns to the foreground after an exit or after the configured time in the background (30 s)',
  })
  launches!: number;

  @Field(() => Int)
  pageViews!: number;

  @Field(() => Float, { description: 'Foreground time of the launches of the period, milliseconds' })
  totalStayMs!: number;

  @Field(() => Float, { description: 'totalStayMs / launches (0 without launches)' })
  averageStayMs!: number;

  @Field(() => Int, { description: 'Launches that saw exactly one page' })
  bounces!: number;

  @Field(() => Float, { description: 'bounces / launches' })
  bounceRate!: number;

  @Field(() => Int)
  jsErrors!: number;

  @Field(() => Int)
  crashes!: number;

  @Field(() => Float, { description: 'crashes / launches' })
  crashRate!: number;
}

export enum AnalyticsGranularity {
  HOUR = 'hour',
  DAY = 'day',
  WEEK = 'week',
  MONTH = 'month',
}
registerEnumType(AnalyticsGranularity, {
  name: 'AnalyticsGranularity',
  description:
    'Series buckets: hours, days, calendar weeks (Monday to Sunday) or months, the first and last clipped to the range',
  valuesConfig: {
    HOUR: {
      description:
        "Hours of the reporting day (at most 7 days, else BAD_USER_INPUT with reason HOURLY_RANGE_TOO_LONG); a launch counts in the hour it started, other events in their own hour; newUsers in the hour of the device's first event of the day",
    },
  },
});

@ObjectType()
export class AnalyticsDay {
  @Field({ description: 'YYYY-MM-DD in the reporting time zone: the first day of the bucket' })
  day!: string;

  @Field({ description: 'The last day of the bucket (equal to day for days and hours)' })
  until!: string;

  @Field(() => Int, {
    nullable: true,
    description: 'HOUR buckets: the hour of the day, 0 to 23; null otherwise',
  })
  hour?: number;

  @Field(() => AnalyticsMetrics)
  metrics!: AnalyticsMetrics;
}

@ObjectType({ description: 'A day-by-day series and the period total of one mini-program' })
export class AnalyticsSeries {
  @Field(() => ID)
  appId!: string;

  @Field()
  from!: string;

  @Field()
  to!: string;

  @Field({ description: 'The installation-wide reporting time zone every day boundary uses' })
  timeZone!: string;

  @Field(() => AnalyticsGranularity)
  granularity!: AnalyticsGranularity;

  @Field(() => [AnalyticsDay], {
    description: 'Every bucket of the period, zeros included; activeUsers distinct within each bucket',
  })
  days!: AnalyticsDay[];

  @Field(() => AnalyticsMetrics, {
    description: 'Sums over the period; activeUsers distinct over the period',
  })
  total!: AnalyticsMetrics;
}

@ObjectType()
export class AnalyticsBreakdownRow {
  @Field({ description: "The dimension's value (platform name, version id, 'unknown')" })
  value!: string;

  @Field(() => AnalyticsMetrics, { description: 'activeUsers distinct over the period within this value' })
  metrics!: AnalyticsMetrics;
}

@ObjectType()
export class AnalyticsBreakdown {
  @Field(() => ID)
  appId!: string;

  @Field(() => AnalyticsDimension)
  dimension!: AnalyticsDimension;

  @Field()
  from!: string;

  @Field()
  to!: string;

  @Field()
  timeZone!: string;

  @Field(() => [AnalyticsBreakdownRow], { description: 'By active users, most first' })
  rows!: AnalyticsBreakdownRow[];
}
