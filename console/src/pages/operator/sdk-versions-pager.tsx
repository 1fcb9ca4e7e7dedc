import { Button, Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { PAGE_SIZES } from '../../lib/use-page-params';

/** `?enabled=true|false` → the server's filter; anything else → no filter. */
export function enabledFilterOf(value: string | undefined): boolean | undefined {
  return value === 'true' ? true : value === 'false' ? false : undefined;
}

/**
 * Previous / next and the page size for the skip/take lists without a total (base libraries, SDK versions): the page
 * asks for one row more than it shows, and that row says whether there is a next page.
 */
export function SdkVersionsPager({
  page,
  size,
  hasNext,
  onChange,
}: {
  page: number;
  size: number;
  hasNext: boolean;
  onChange: (page: number, size: number) => void;
}) {
  const { t } = useTranslation();
  return (
    <Space style={{ justifyContent: 'flex-end', width: '100%' }}>
      <Button onClick={() => onChange(page - 1, size)} disabled={page === 1}>
        {t('opPlatform.previous')}
      </Button>
      <Typography.Text>{t('opPlatform.page', { page })}</Typography.Text>
      <Button onClick={() => onChange(page + 1, size)} disabled={!hasNext}>
        {t('opPlatform.next')}
      </Button>
      <Select
        aria-label={t('opPlatform.pageSize')}
        value={size}
        style={{ width: 100 }}
        options={PAGE_SIZES.map((s) => ({ value: s, label: String(s) }))}
        onChange={(nextSize: number) => onChange(1, nextSize)}
      />
    </Space>
  );
}
