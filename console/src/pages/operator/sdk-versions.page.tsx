import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import {
  OpPlatformSdkVersionsDocument,
  OpPlatformDisableSdkVersionDocument,
  OpPlatformEnableSdkVersionDocument,
} from '../../../../schema/generated/graphql';
import { formatBytes } from '../../lib/format';
import { PlatformReleasesView, usePlatformReleaseFilters } from './platform-releases-view';

/** 运营端: SDK releases, filtered on the server by platform and state; publish an artifact, disable / enable. */
export function SdkVersionsPage() {
  const { t, i18n } = useTranslation();
  const filters = usePlatformReleaseFilters();
  const [{ data, fetching, error }, refetch] = useQuery({
    query: OpPlatformSdkVersionsDocument,
    variables: filters.variables,
  });
  const [, enable] = useMutation(OpPlatformEnableSdkVersionDocument);
  const [, disable] = useMutation(OpPlatformDisableSdkVersionDocument);
  return (
    <PlatformReleasesView
      kind="sdk-version"
      texts="sdkVersions"
      filters={filters}
      fetched={data?.sdkVersions}
      total={data?.sdkVersionsTotal}
      fetching={fetching}
      error={error}
      enable={(id) => enable({ id })}
      disable={(id) => disable({ id })}
      reload={() => refetch({ requestPolicy: 'network-only' })}
      columns={[
        { title: t('opPlatform.platformFilter'), render: (_, v) => t(`opPlatform.platform.${v.platform}`) },
        { title: t('opPlatform.size'), render: (_, v) => formatBytes(v.artifactSize, i18n.language) },
        {
          title: t('opPlatform.sha256'),
          render: (_, v) => <Typography.Text code>{v.artifactSha256.slice(0, 12)}</Typography.Text>,
        },
      ]}
    />
  );
}
