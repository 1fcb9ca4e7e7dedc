import { useState, type ReactNode } from 'react';
import { App, Button, Popconfirm, Typography } from 'antd';
import type { CombinedError } from '@urql/core';
import { useTranslation } from 'react-i18next';
import { apiErrors } from '../../lib/graphql-errors';
import { FreezeDialog } from './freeze-dialog';

/** What a freeze or unfreeze mutation answers (urql's result, only its error matters here). */
type Sent = Promise<{ error?: CombinedError }>;

/** `Why frozen: <reason>` under a frozen row's status tag; nothing without a reason. */
export function FrozenReason({ reason }: { reason?: string | null }) {
  const { t } = useTranslation();
  if (!reason) return null;
  return (
    <Typography.Text>
      {t('operator.freeze.frozenReason')}: {reason}
    </Typography.Text>
  );
}

/**
 * The freeze / unfreeze actions of an operator list whose rows can be frozen (mini-programs, organizations): the
 * actions cell of a row — unfreeze after a confirmation when it is frozen, else freeze, which opens the reason
 * dialog — and that dialog, to render once beside the table. Texts come from `operator.<scope>.*`
 * (`unfreezeConfirm`, `unfrozenDone`, `freezeTitle`, `frozenDone`) and `operator.freeze.*`.
 */
export function useFreezeActions<Row extends { name: string }>({
  scope,
  freeze,
  unfreeze,
  reload,
}: {
  scope: 'miniPrograms' | 'organizations';
  freeze: (row: Row, reason: string) => Sent;
  unfreeze: (row: Row) => Sent;
  /** Reads the list again after a change. */
  reload: () => void;
}): { cell: (row: Row, frozen: boolean) => ReactNode; dialog: ReactNode } {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [freezing, setFreezing] = useState<Row | null>(null);

  const cell = (row: Row, frozen: boolean) =>
    frozen ? (
      <Popconfirm
        title={t(`operator.${scope}.unfreezeConfirm`, { name: row.name })}
        okText={t('operator.freeze.unfreeze')}
        cancelText={t('common.cancel')}
        onConfirm={async () => {
          const result = await unfreeze(row);
          const first = apiErrors(result.error)[0];
          if (first) void message.error(first.message);
          else void message.success(t(`operator.${scope}.unfrozenDone`));
          reload();
        }}
      >
        <Button size="small">{t('operator.freeze.unfreeze')}</Button>
      </Popconfirm>
    ) : (
      <Button danger size="small" onClick={() => setFreezing(row)}>
        {t('operator.freeze.freeze')}
      </Button>
    );

  const dialog = (
    <FreezeDialog
      target={freezing}
      title={t(`operator.${scope}.freezeTitle`, { name: freezing?.name ?? '' })}
      onCancel={() => setFreezing(null)}
      onFreeze={async (reason) => {
        const result = await freeze(freezing!, reason);
        if (result.error) return result.error;
        void message.success(t(`operator.${scope}.frozenDone`));
        setFreezing(null);
        reload();
        return undefined;
      }}
    />
  );
  return { cell, dialog };
}
