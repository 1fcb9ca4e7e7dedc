import { useState, type ReactNode } from 'react';
import { App, Button, Popconfirm, Space } from 'antd';
import type { CombinedError } from '@urql/core';
import { useTranslation } from 'react-i18next';
import { apiErrors } from '../../lib/graphql-errors';
import { RejectDialog } from './reject-dialog';

/** What an approve or reject mutation answers (urql's result, only its error matters here). */
type Sent = Promise<{ error?: CombinedError }>;

/**
 * Approve / reject of an operator review list (versions, SDK builds, organizations): the actions cell of a pending
 * row — what the page puts first (an inspect button), approve after a confirmation, reject, which opens the reason
 * dialog — and that dialog, to render once beside the table. Each outcome is a message (the server's refusal, or
 * `<scope>.approved` / `<scope>.rejected`), then the list is read again; a refused rejection stays in the dialog, its
 * reason kept. The dialog's title is `<scope>.rejectTitle`.
 */
export function useReviewActions({
  scope,
  approve,
  reject,
  reload,
}: {
  scope: 'versionReviews' | 'organizationReviews' | 'opPlatform.sdkBuilds';
  /** The approve and reject mutations (urql's execute functions). */
  approve: (variables: { id: string }) => Sent;
  reject: (variables: { id: string; reason: string }) => Sent;
  reload: () => void;
}): {
  cell: (row: { id: string; approveConfirm: string; before?: ReactNode }) => ReactNode;
  dialog: ReactNode;
} {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [rejecting, setRejecting] = useState<string | null>(null);

  const done = (result: { error?: CombinedError }, success: string) => {
    const first = apiErrors(result.error)[0];
    if (first) void message.error(first.message);
    else void message.success(success);
    reload();
  };

  const cell = ({
    id,
    approveConfirm,
    before,
  }: {
    id: string;
    approveConfirm: string;
    before?: ReactNode;
  }) => (
    <Space>
      {before}
      <Popconfirm
        title={approveConfirm}
        okText={t('review.approve')}
        cancelText={t('common.cancel')}
        onConfirm={async () => done(await approve({ id }), t(`${scope}.approved`))}
      >
        <Button type="primary" size="small">
          {t('review.approve')}
        </Button>
      </Popconfirm>
      <Button danger size="small" onClick={() => setRejecting(id)}>
        {t('review.reject')}
      </Button>
    </Space>
  );

  const dialog = (
    <RejectDialog
      open={rejecting !== null}
      title={t(`${scope}.rejectTitle`)}
      onCancel={() => setRejecting(null)}
      onReject={async (reason) => {
        const result = await reject({ id: rejecting!, reason });
        reload();
        // A refusal stays in the dialog (beside the reason when it is about it); success closes it.
        if (result.error) return result.error;
        void message.success(t(`${scope}.rejected`));
        setRejecting(null);
        return undefined;
      }}
    />
  );
  return { cell, dialog };
}
