import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { TAG_COLORS } from '../../theme';
import type { MiniProgramVersionStatus, ReleasePlanState } from '../../../../schema/generated/graphql';

const VERSION_COLOR: Record<MiniProgramVersionStatus, string> = {
  DEVELOPMENT: TAG_COLORS.gray,
  SUBMITTED: TAG_COLORS.gold,
  APPROVED: TAG_COLORS.blue,
  REJECTED: TAG_COLORS.red,
  PUBLISHED: TAG_COLORS.green,
  GRAY: TAG_COLORS.purple,
  DELISTED: TAG_COLORS.gray,
};
const PLAN_COLOR: Record<ReleasePlanState, string> = {
  ACTIVE: TAG_COLORS.purple,
  PAUSED: TAG_COLORS.gold,
  COMPLETING: TAG_COLORS.blue,
  COMPLETED: TAG_COLORS.green,
  REVERTED: TAG_COLORS.gray,
  FAILED: TAG_COLORS.red,
};

export function VersionStatusTag({ status }: { status: MiniProgramVersionStatus }) {
  const { t } = useTranslation();
  return <Tag color={VERSION_COLOR[status]}>{t(`versionStatus.${status}`)}</Tag>;
}

export function PlanStateTag({ state }: { state: ReleasePlanState }) {
  const { t } = useTranslation();
  return <Tag color={PLAN_COLOR[state]}>{t(`planState.${state}`)}</Tag>;
}
