import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { MiniProgramVersionStatus, ReleasePlanState } from '../../../../schema/generated/graphql';

const VERSION_COLOR: Record<MiniProgramVersionStatus, string> = {
  DEVELOPMENT: 'default',
  SUBMITTED: 'gold',
  APPROVED: 'blue',
  REJECTED: 'red',
  PUBLISHED: 'green',
  GRAY: 'purple',
  DELISTED: 'default',
};
const PLAN_COLOR: Record<ReleasePlanState, string> = {
  ACTIVE: 'purple',
  PAUSED: 'gold',
  COMPLETING: 'blue',
  COMPLETED: 'green',
  REVERTED: 'default',
  FAILED: 'red',
};

export function VersionStatusTag({ status }: { status: MiniProgramVersionStatus }) {
  const { t } = useTranslation();
  return <Tag color={VERSION_COLOR[status]}>{t(`versionStatus.${status}`)}</Tag>;
}

export function PlanStateTag({ state }: { state: ReleasePlanState }) {
  const { t } = useTranslation();
  return <Tag color={PLAN_COLOR[state]}>{t(`planState.${state}`)}</Tag>;
}
