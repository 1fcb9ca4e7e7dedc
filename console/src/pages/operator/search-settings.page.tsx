import { useEffect, useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Empty,
  Flex,
  Form,
  Input,
  List,
  Popconfirm,
  Row,
  Space,
  Spin,
  Statistic,
  Table,
  Tabs,
  Typography,
} from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { useMutation, useQuery } from 'urql';
import {
  SearchHotWordsDocument,
  SearchStatisticsDocument,
  SearchSynonymsDocument,
  SetSearchHotWordsDocument,
  SetSearchSynonymsDocument,
} from '../../../../schema/generated/graphql';
import { formatNumber } from '../../lib/format';
import { apiErrors } from '../../lib/graphql-errors';
import { formatPercent } from '../institution/statistics-series';
import {
  addUtcDays,
  checkHotWords,
  checkSynonymGroups,
  clickThrough,
  MAX_HOT_WORD_CHARS,
  MAX_HOT_WORDS,
  MAX_SYNONYM_GROUPS,
  moveItem,
  parseTerms,
  searchStatisticsRange,
  utcDay,
} from './search-settings';

const TABS = ['hot-words', 'synonyms', 'statistics'] as const;

/**
 * 运营端 搜索设置: the hot words devices see before they type (an ordered list), the synonym groups applied at query
 * time, and what was searched over a period (top queries, queries without a result, click-through). `?tab=` and the
 * statistics period are in the URL.
 */
export function SearchSettingsPage({ now = () => new Date() }: { now?: () => Date }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const tab = TABS.find((k) => k === params.get('tab')) ?? 'hot-words';
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={2} style={{ margin: 0 }}>
        {t('opSearch.title')}
      </Typography.Title>
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams(key === 'hot-words' ? {} : { tab: key })}
        items={[
          { key: 'hot-words', label: t('opSearch.hotWords.tab'), children: <HotWords /> },
          { key: 'synonyms', label: t('opSearch.synonyms.tab'), children: <Synonyms /> },
          {
            key: 'statistics',
            label: t('opSearch.statistics.tab'),
            children: <SearchStatistics now={now} />,
          },
        ]}
      />
    </Space>
  );
}

function HotWords() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [{ data, fetching, error }, reload] = useQuery({ query: SearchHotWordsDocument });
  const [{ fetching: saving }, save] = useMutation(SetSearchHotWordsDocument);
  const [words, setWords] = useState<string[] | null>(null);
  const [draft, setDraft] = useState('');
  const [serverError, setServerError] = useState<string>();
  useEffect(() => {
    if (data) setWords(data.searchHotWords);
  }, [data]);
  const list = words ?? [];
  const check = checkHotWords(list);
  const changed = data !== undefined && JSON.stringify(list) !== JSON.stringify(data.searchHotWords);
  const draftWord = draft.trim();
  const draftProblem = !draftWord
    ? undefined
    : [...draftWord].length > MAX_HOT_WORD_CHARS
      ? t('opSearch.hotWords.tooLong', { max: MAX_HOT_WORD_CHARS })
      : list.includes(draftWord)
        ? t('opSearch.hotWords.duplicate')
        : list.length >= MAX_HOT_WORDS
          ? t('opSearch.hotWords.tooMany', { max: MAX_HOT_WORDS })
          : undefined;
  const add = () => {
    if (!draftWord || draftProblem) return;
    setWords([...list, draftWord]);
    setDraft('');
  };

  if (error && !data) return <Alert type="error" showIcon message={apiErrors(error)[0]?.message} />;
  return (
    <Card
      title={<h3 style={{ margin: 0, fontSize: 16 }}>{t('opSearch.hotWords.title')}</h3>}
      extra={
        <Space>
          <Button disabled={!changed} onClick={() => data && setWords(data.searchHotWords)}>
            {t('opSearch.undo')}
          </Button>
          <Button
            type="primary"
            loading={saving}
            disabled={!changed || !check.ok}
            onClick={async () => {
              setServerError(undefined);
              const result = await save({ words: list.map((w) => w.trim()) });
              const first = apiErrors(result.error)[0];
              if (first) setServerError(first.message);
              else {
                void message.success(t('opSearch.hotWords.saved'));
                reload({ requestPolicy: 'network-only' });
              }
            }}
          >
            {t('opSearch.save')}
          </Button>
        </Space>
      }
    >
      <Typography.Paragraph style={{ marginTop: 0 }}>
        {t('opSearch.hotWords.hint', { max: MAX_HOT_WORDS, chars: MAX_HOT_WORD_CHARS })}
      </Typography.Paragraph>
      {serverError && <Alert type="error" showIcon message={serverError} style={{ marginBottom: 12 }} />}
      <Form
        layout="inline"
        onFinish={add}
        style={{ marginBottom: 12 }}
        aria-label={t('opSearch.hotWords.add')}
      >
        <Form.Item
          label={t('opSearch.hotWords.word')}
          htmlFor="search-hot-word"
          validateStatus={draftProblem ? 'error' : undefined}
          help={draftProblem}
        >
          <Input
            id="search-hot-word"
            value={draft}
            onChange={(e) => setDraft(e.target.value)}
            style={{ width: 240 }}
          />
        </Form.Item>
        <Form.Item>
          <Button htmlType="submit" disabled={!draftWord || Boolean(draftProblem)}>
            {t('opSearch.hotWords.add')}
          </Button>
        </Form.Item>
      </Form>
      {fetching && !data ? (
        <Spin />
      ) : (
        <List
          bordered
          dataSource={list}
          locale={{ emptyText: <Empty description={t('opSearch.hotWords.empty')} /> }}
          renderItem={(word, i) => (
            <List.Item
              actions={[
                <Button
                  key="up"
                  size="small"
                  disabled={i === 0}
                  aria-label={t('opSearch.hotWords.moveUp', { word })}
                  onClick={() => setWords(moveItem(list, i, i - 1))}
                >
                  ↑
                </Button>,
                <Button
                  key="down"
                  size="small"
                  disabled={i === list.length - 1}
                  aria-label={t('opSearch.hotWords.moveDown', { word })}
                  onClick={() => setWords(moveItem(list, i, i + 1))}
                >
                  ↓
                </Button>,
                <Button
                  key="remove"
                  size="small"
                  danger
                  aria-label={t('opSearch.hotWords.remove', { word })}
                  onClick={() => setWords(list.filter((_, j) => j !== i))}
                >
                  {t('common.delete')}
                </Button>,
              ]}
            >
              <Space>
                <Typography.Text strong>{i + 1}.</Typography.Text>
                <span>{word}</span>
                {check.problems[i] && (
                  <Typography.Text type="danger">
                    {t(
                      `opSearch.hotWords.${check.problems[i] === 'empty' ? 'emptyWord' : check.problems[i]}`,
                      {
                        max: MAX_HOT_WORD_CHARS,
                      },
                    )}
                  </Typography.Text>
                )}
              </Space>
            </List.Item>
          )}
        />
      )}
      {changed && (
        <Typography.Paragraph style={{ marginTop: 12, marginBottom: 0 }}>
          {t('opSearch.unsaved')}
        </Typography.Paragraph>
      )}
    </Card>
  );
}

function Synonyms() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [{ data, fetching, error }, reload] = useQuery({ query: SearchSynonymsDocument });
  const [{ fetching: saving }, save] = useMutation(SetSearchSynonymsDocument);
  // Each group as typed; parsed into terms for the check and the save.
  const [texts, setTexts] = useState<string[] | null>(null);
  const [serverError, setServerError] = useState<string>();
  const joiner = t('opSearch.synonyms.joiner');
  const fromServer = (groups: Array<{ terms: string[] }>) => groups.map((g) => g.terms.join(joiner));
  useEffect(() => {
    if (data) setTexts(fromServer(data.searchSynonyms));
  }, [data]);
  const list = texts ?? [];
  const groups = list.map(parseTerms);
  const check = checkSynonymGroups(groups);
  const changed =
    data !== undefined && JSON.stringify(groups) !== JSON.stringify(data.searchSynonyms.map((g) => g.terms));

  if (error && !data) return <Alert type="error" showIcon message={apiErrors(error)[0]?.message} />;
  return (
    <Card
      title={<h3 style={{ margin: 0, fontSize: 16 }}>{t('opSearch.synonyms.title')}</h3>}
      extra={
        <Space>
          <Button disabled={!changed} onClick={() => data && setTexts(fromServer(data.searchSynonyms))}>
            {t('opSearch.undo')}
          </Button>
          <Button
            type="primary"
            loading={saving}
            disabled={!changed || !check.ok}
            onClick={async () => {
              setServerError(undefined);
              const result = await save({ groups: groups.map((terms) => ({ terms })) });
              const first = apiErrors(result.error)[0];
              if (first) setServerError(first.message);
              else {
                void message.success(t('opSearch.synonyms.saved'));
                reload({ requestPolicy: 'network-only' });
              }
            }}
          >
            {t('opSearch.save')}
          </Button>
        </Space>
      }
    >
      <Typography.Paragraph style={{ marginTop: 0 }}>
        {t('opSearch.synonyms.hint', { max: MAX_SYNONYM_GROUPS })}
      </Typography.Paragraph>
      {serverError && <Alert type="error" showIcon message={serverError} style={{ marginBottom: 12 }} />}
      {check.tooMany && (
        <Alert
          type="error"
          showIcon
          message={t('opSearch.synonyms.tooManyGroups', { max: MAX_SYNONYM_GROUPS })}
          style={{ marginBottom: 12 }}
        />
      )}
      {fetching && !data ? (
        <Spin />
      ) : (
        <Form layout="vertical" component="div">
          {list.length === 0 && <Empty description={t('opSearch.synonyms.empty')} />}
          {list.map((text, i) => (
            <Form.Item
              key={i}
              label={t('opSearch.synonyms.group', { n: i + 1 })}
              htmlFor={`search-synonym-group-${i}`}
              validateStatus={check.problems[i] ? 'error' : undefined}
              help={check.problems[i] ? t(`opSearch.synonyms.${check.problems[i]}`) : undefined}
            >
              <Flex gap={8}>
                <Input
                  id={`search-synonym-group-${i}`}
                  value={text}
                  placeholder={t('opSearch.synonyms.placeholder')}
                  onChange={(e) => setTexts(list.map((x, j) => (j === i ? e.target.value : x)))}
                />
                <Popconfirm
                  title={t('opSearch.synonyms.removeConfirm')}
                  okText={t('common.delete')}
                  okButtonProps={{ danger: true }}
                  cancelText={t('common.cancel')}
                  onConfirm={() => setTexts(list.filter((_, j) => j !== i))}
                >
                  <Button danger aria-label={t('opSearch.synonyms.remove', { n: i + 1 })}>
                    {t('common.delete')}
                  </Button>
                </Popconfirm>
              </Flex>
            </Form.Item>
          ))}
          <Button onClick={() => setTexts([...list, ''])} disabled={list.length >= MAX_SYNONYM_GROUPS}>
            {t('opSearch.synonyms.addGroup')}
          </Button>
        </Form>
      )}
      {changed && (
        <Typography.Paragraph style={{ marginTop: 12, marginBottom: 0 }}>
          {t('opSearch.unsaved')}
        </Typography.Paragraph>
      )}
    </Card>
  );
}

function SearchStatistics({ now }: { now: () => Date }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const [params, setParams] = useSearchParams();
  const range = searchStatisticsRange(
    { from: params.get('from') ?? undefined, to: params.get('to') ?? undefined },
    now(),
  );
  const [{ data, fetching, error }] = useQuery({
    query: SearchStatisticsDocument,
    variables: { from: range.from, to: range.to, take: 20 },
    pause: Boolean(range.problem),
  });
  const stats = data?.searchStatistics;
  const set = (next: Record<string, string>) =>
    setParams((current) => {
      const merged = new URLSearchParams(current);
      for (const [key, value] of Object.entries(next)) merged.set(key, value);
      return merged;
    });
  const preset = (days: number) => {
    const to = utcDay(now());
    set({ from: addUtcDays(to, -(days - 1)), to });
  };
  const problem = range.problem
    ? t(range.problem === 'order' ? 'opSearch.statistics.orderProblem' : 'opSearch.statistics.tooLongProblem')
    : undefined;
  const serverError = apiErrors(error)[0];
  const number = (value: number) => formatNumber(value, language);

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Paragraph style={{ margin: 0 }}>{t('opSearch.statistics.hint')}</Typography.Paragraph>
      <Flex gap={12} wrap="wrap" align="center" role="group" aria-label={t('opSearch.statistics.period')}>
        <label>
          <Typography.Text>{t('opSearch.statistics.from')} </Typography.Text>
          <Input
            type="date"
            value={range.from}
            max={range.to}
            style={{ width: 170 }}
            status={problem ? 'error' : undefined}
            onChange={(e) => e.target.value && set({ from: e.target.value })}
          />
        </label>
        <label>
          <Typography.Text>{t('opSearch.statistics.to')} </Typography.Text>
          <Input
            type="date"
            value={range.to}
            min={range.from}
            style={{ width: 170 }}
            status={problem ? 'error' : undefined}
            onChange={(e) => e.target.value && set({ to: e.target.value })}
          />
        </label>
        <Space.Compact>
          {[7, 30, 90].map((days) => (
            <Button key={days} onClick={() => preset(days)}>
              {t('opSearch.statistics.lastDays', { count: days })}
            </Button>
          ))}
        </Space.Compact>
      </Flex>
      {problem && <Alert type="error" showIcon message={problem} role="alert" />}
      {serverError && <Alert type="error" showIcon message={serverError.message} />}
      {fetching && !stats && !problem && <Spin style={{ display: 'block', margin: '5vh auto' }} />}
      {stats && !problem && (
        <>
          <Row gutter={[16, 16]}>
            {(
              [
                ['searches', number(stats.searches)],
                ['noResultSearches', number(stats.noResultSearches)],
                ['clicks', number(stats.clicks)],
                ['clickThroughRate', formatPercent(stats.clickThroughRate, language)],
              ] as const
            ).map(([key, value]) => (
              <Col key={key} xs={24} sm={12} xl={6}>
                <Card size="small">
                  <Statistic title={t(`opSearch.statistics.${key}`)} value={value} />
                </Card>
              </Col>
            ))}
          </Row>
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={14}>
              <Card
                title={<h3 style={{ margin: 0, fontSize: 16 }}>{t('opSearch.statistics.topQueries')}</h3>}
              >
                <Table
                  size="small"
                  rowKey="query"
                  dataSource={stats.topQueries}
                  pagination={false}
                  locale={{ emptyText: <Empty description={t('opSearch.statistics.empty')} /> }}
                  columns={[
                    { title: t('opSearch.statistics.query'), dataIndex: 'query' },
                    {
                      title: t('opSearch.statistics.searches'),
                      align: 'right' as const,
                      render: (_, r) => number(r.searches),
                    },
                    {
                      title: t('opSearch.statistics.noResult'),
                      align: 'right' as const,
                      render: (_, r) => number(r.noResult),
                    },
                    {
                      title: t('opSearch.statistics.clicks'),
                      align: 'right' as const,
                      render: (_, r) => number(r.clicks),
                    },
                    {
                      title: t('opSearch.statistics.clickThroughRate'),
                      align: 'right' as const,
                      render: (_, r) => formatPercent(clickThrough(r), language),
                    },
                  ]}
                />
              </Card>
            </Col>
            <Col xs={24} xl={10}>
              <Card
                title={
                  <h3 style={{ margin: 0, fontSize: 16 }}>{t('opSearch.statistics.noResultQueries')}</h3>
                }
              >
                <Table
                  size="small"
                  rowKey="query"
                  dataSource={stats.noResultQueries}
                  pagination={false}
                  locale={{ emptyText: <Empty description={t('opSearch.statistics.noResultEmpty')} /> }}
                  columns={[
                    { title: t('opSearch.statistics.query'), dataIndex: 'query' },
                    {
                      title: t('opSearch.statistics.searches'),
                      align: 'right' as const,
                      render: (_, r) => number(r.searches),
                    },
                  ]}
                />
              </Card>
            </Col>
          </Row>
        </>
      )}
    </Space>
  );
}
