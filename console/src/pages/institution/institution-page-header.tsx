import type { ReactNode } from 'react';
import { Button, Empty, Flex, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';

/** Shown instead of an institution page to a user who belongs to no approved organization: a way to apply. */
export function NoOrganization({ description }: { description: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Empty description={description}>
      <Button type="primary" onClick={() => navigate('/organization')}>
        {t('miniPrograms.goApply')}
      </Button>
    </Empty>
  );
}

/**
 * An institution page's title, with its main action (create, invite …) at the other end of the line, and under it
 * the organization the page acts for (`organization`; a page may instead place OrganizationSelect among its filters).
 */
export function InstitutionPageHeader({
  title,
  action,
  organization,
}: {
  title: string;
  action?: ReactNode;
  organization?: Omit<Parameters<typeof OrganizationSelect>[0], 'label'>;
}) {
  const { t } = useTranslation();
  return (
    <>
      <Flex justify="space-between" align="center">
        <Typography.Title level={2} style={{ margin: 0 }}>
          {title}
        </Typography.Title>
        {action}
      </Flex>
      {organization && <OrganizationSelect label={t('inst.organization')} {...organization} />}
    </>
  );
}

/** Which of the caller's organizations the page acts for; only shown to members of more than one. */
export function OrganizationSelect({
  organizations,
  value,
  onChange,
  label,
  width = 240,
}: {
  organizations: ReadonlyArray<{ id: string; name: string }>;
  value: string | undefined;
  onChange: (orgId: string) => void;
  /** Its accessible name (translated). */
  label: string;
  width?: number;
}) {
  if (organizations.length <= 1) return null;
  return (
    <Select
      aria-label={label}
      value={value}
      style={{ width }}
      options={organizations.map((org) => ({ value: org.id, label: org.name }))}
      onChange={onChange}
    />
  );
}
