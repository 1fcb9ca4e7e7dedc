import type { SubgraphContext } from '@grove/platform';
import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import {
  OPERATION_LOG_CSV_PAGE,
  OPERATION_LOG_PAGE,
  type OperationLogService,
} from './operation-log.service';
import { OperationLogCsv, OperationLogFilterInput, OperationLogPage } from './operation-log.types';

const toPage = (page: Awaited<ReturnType<OperationLogService['list']>>): OperationLogPage => ({
  items: page.items.map((entry) => ({ ...entry, at: new Date(entry.at) })),
  nextCursor: page.nextCursor,
});

@Resolver()
export class OperationLogResolver {
  constructor(private readonly log: OperationLogService) {}

  @Query(() => OperationLogPage, {
    description:
      'operation-log:read:any (operators): every line; org:operation-log:read (owners and admins): their organizations. Newest first, cursor-paged',
  })
  async operationLog(
    @Arg('filter', () => OperationLogFilterInput, { nullable: true }) filter: OperationLogFilterInput | null,
    @Arg('take', () => Int, {
      defaultValue: OPERATION_LOG_PAGE.defaultTake,
      description: `Page size, 1 to ${OPERATION_LOG_PAGE.maxTake}`,
    })
    take: number,
    @Arg('after', () => String, {
      nullable: true,
      description: 'The `cursor` of the last item of the previous page (omit for the first page)',
    })
    after: string | null,
    @Ctx() ctx: SubgraphContext,
  ): Promise<OperationLogPage> {
    return toPage(await this.log.list(ctx.principal, filter, take, after));
  }

  @Query(() => OperationLogCsv, {
    description: `As operationLog, as CSV in chunks of up to ${OPERATION_LOG_CSV_PAGE.maxTake} lines: pass nextCursor as after until it is null`,
  })
  operationLogCsv(
    @Arg('filter', () => OperationLogFilterInput, { nullable: true }) filter: OperationLogFilterInput | null,
    @Arg('rows', () => Int, {
      defaultValue: OPERATION_LOG_CSV_PAGE.defaultTake,
      description: `Lines in this chunk, 1 to ${OPERATION_LOG_CSV_PAGE.maxTake}`,
    })
    rows: number,
    @Arg('after', () => String, {
      nullable: true,
      description: 'nextCursor of the previous chunk (omit for the first)',
    })
    after: string | null,
    @Ctx() ctx: SubgraphContext,
  ): Promise<OperationLogCsv> {
    return this.log.exportCsv(ctx.principal, filter, rows, after);
  }
}
