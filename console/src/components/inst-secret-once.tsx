import { Alert, Descriptions, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** A secret the server returns once (host-app SDK secret, invitation code): shown with a copy button and the warning. */
export function InstSecretOnce({
  warning,
  entries,
}: {
  warning: string;
  entries: Array<{ label: string; value: string; secret?: boolean }>;
}) {
  const { t } = useTranslation();
  return (
    <>
      <Alert type="warning" showIcon message={warning} style={{ marginBottom: 16 }} />
      <Descriptions column={1} bordered size="small">
        {entries.map((entry) => (
          <Descriptions.Item key={entry.label} label={entry.label}>
            <Typography.Text
              code
              copyable={{ text: entry.value, tooltips: [t('inst.copy'), t('inst.copied')] }}
              style={{ wordBreak: 'break-all' }}
              data-secret={entry.secret ? 'true' : undefined}
            >
              {entry.value}
            </Typography.Text>
          </Descriptions.Item>
        ))}
      </Descriptions>
    </>
  );
}
