import { Button, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** Previous / next for the lists the server pages by cursor (no total: the server does not count them). */
export function InstCursorPager({
  page,
  hasNext,
  onPrevious,
  onNext,
}: {
  page: number;
  hasNext: boolean;
  onPrevious: () => void;
  onNext: () => void;
}) {
  const { t } = useTranslation();
  if (page === 1 && !hasNext) return null;
  return (
    <Space style={{ justifyContent: 'flex-end', width: '100%' }}>
      <Button onClick={onPrevious} disabled={page === 1}>
        {t('inst.paging.previous')}
      </Button>
      <Typography.Text>{t('inst.paging.page', { page })}</Typography.Text>
      <Button onClick={onNext} disabled={!hasNext}>
        {t('inst.paging.next')}
      </Button>
    </Space>
  );
}
