import { Alert, Table, Typography } from 'antd';
import type { SortOrder } from 'antd/es/table/interface';
import { useTranslation } from 'react-i18next';
import { useClient, useQuery } from 'urql';
import { MiniProgramTopPagesDocument } from '../../../../schema/generated/graphql';
import { formatNumber } from '../../lib/format';
import { apiErrors } from '../../lib/graphql-errors';
import { CsvButton, StatisticsCard, useParamSetter } from './statistics-card';
import { TOP_PAGES_SORT_COLUMN, topPagesSortForColumn, topPagesSortOf } from './statistics-range';
import { formatPercent, formatSeconds, statisticsCsvName } from './statistics-series';

const PAGE_SIZE = 10;

/**
 * Per page path over the period, sorted and paged on the server (`?pagesSort=VIEWS&pagesPage=2`): the orders the API
 * documents are the largest first (page paths A to Z), so a sorted column shows one direction only.
 */
export function StatisticsTopPages({ appId, from, to }: { appId: string; from: string; to: string }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const [params, set] = useParamSetter();
  const sort = topPagesSortOf(params.get('pagesSort'));
  const page = Math.max(1, Number.parseInt(params.get('pagesPage') ?? '1', 10) || 1);
  const client = useClient();
  const variables = { appId, from, to, sort, take: PAGE_SIZE, skip: (page - 1) * PAGE_SIZE };
  const [{ data, fetching, error }] = useQuery({ query: MiniProgramTopPagesDocument, variables });
  const top = data?.miniProgramTopPages;
  const rows = top?.rows ?? [];
  const serverError = apiErrors(error)[0];
  const sortColumn = TOP_PAGES_SORT_COLUMN[sort];
  const sorted = (column: string) => ({
    key: column,
    sorter: true,
    sortDirections: [column === 'pagePath' ? 'ascend' : 'descend'] as SortOrder[],
    sortOrder: (sortColumn === column ? (column === 'pagePath' ? 'ascend' : 'descend') : null) as SortOrder,
  });
  const count = (column: 'views' | 'visitors' | 'entries' | 'exits') => ({
    ...sorted(column),
    title: t(`stats.pages.${column}`),
    align: 'right' as const,
    render: (_: unknown, r: (typeof rows)[number]) => formatNumber(r[column], language),
  });

  return (
    <StatisticsCard
      title={t('stats.pages.title')}
      empty={!fetching && (top?.totalCount ?? 0) === 0}
      note={
        <>
          {serverError && <Alert type="error" showIcon message={serverError.message} />}
          <Typography.Text>{t('stats.pages.hint')}</Typography.Text>
        </>
      }
      csv={
        <CsvButton
          fileName={statisticsCsvName(appId, `top-pages-${sort.toLowerCase()}-${page}`, from, to)}
          load={async () =>
            (
              await client
                .query(
                  MiniProgramTopPagesDocument,
                  { ...variables, withCsv: true },
                  { requestPolicy: 'network-only' },
                )
                .toPromise()
            ).data?.miniProgramTopPages?.csv ?? undefined
          }
        />
      }
      table={
        <Table
          size="small"
          rowKey="pagePath"
          loading={fetching}
          dataSource={rows}
          scroll={{ x: true }}
          showSorterTooltip={false}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: top?.totalCount ?? 0,
            hideOnSinglePage: true,
            showSizeChanger: false,
          }}
          onChange={(pagination, _filters, sorter, extra) => {
            if (extra.action === 'sort') {
              const one = Array.isArray(sorter) ? sorter[0] : sorter;
              // Clicking the sorted column again clears the order: back to the default (views).
              const next =
                one?.order && one.columnKey ? topPagesSortForColumn(String(one.columnKey)) : undefined;
              // A new order starts again at its first page.
              set({ pagesSort: next && next !== 'VIEWS' ? next : undefined, pagesPage: undefined });
            } else if (extra.action === 'paginate') {
              set({
                pagesPage:
                  pagination.current && pagination.current > 1 ? String(pagination.current) : undefined,
              });
            }
          }}
          columns={[
            { ...sorted('pagePath'), title: t('stats.pages.pagePath'), dataIndex: 'pagePath' },
            count('views'),
            count('visitors'),
            {
              ...sorted('totalStayMs'),
              title: t('stats.pages.totalStay'),
              align: 'right' as const,
              render: (_, r) => formatSeconds(r.totalStayMs / 1000, language),
            },
            {
              ...sorted('averageStayMs'),
              title: t('stats.pages.averageStay'),
              align: 'right' as const,
              render: (_, r) => formatSeconds(r.averageStayMs / 1000, language),
            },
            count('entries'),
            count('exits'),
            {
              key: 'exitRate',
              title: t('stats.pages.exitRate'),
              align: 'right' as const,
              render: (_, r) => formatPercent(r.exitRate, language),
            },
          ]}
        />
      }
    />
  );
}
