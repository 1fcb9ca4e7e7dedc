import { Button, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { InstSecretOnce } from '../../components/inst-secret-once';

export interface ShownCredentials {
  name: string;
  sdkKey: string;
  sdkSecret: string;
}

/** The SDK key and secret right after create or rotate: the only time the secret can be read. */
export function HostAppCredentials({
  shown,
  onClose,
}: {
  shown: ShownCredentials | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      open={shown !== null}
      title={t('inst.hostApps.secretTitle', { name: shown?.name ?? '' })}
      onCancel={onClose}
      maskClosable={false}
      footer={
        <Button type="primary" onClick={onClose}>
          {t('inst.hostApps.secretSaved')}
        </Button>
      }
    >
      {shown && (
        <InstSecretOnce
          warning={t('inst.hostApps.secretOnce')}
          entries={[
            { label: t('inst.hostApps.sdkKey'), value: shown.sdkKey },
            { label: t('inst.hostApps.secret'), value: shown.sdkSecret, secret: true },
          ]}
        />
      )}
    </Modal>
  );
}
