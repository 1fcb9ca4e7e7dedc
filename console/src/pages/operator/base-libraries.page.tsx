import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import {
  OpPlatformBaseLibrariesDocument,
  OpPlatformDisableBaseLibraryDocument,
  OpPlatformEnableBaseLibraryDocument,
} from '../../../../schema/generated/graphql';
import { formatBytes, formatNumber } from '../../lib/format';
import { PlatformReleasesView, usePlatformReleaseFilters } from './platform-releases-view';

/** 运营端: base libraries (基础库), filtered on the server by platform and state; publish a ZIP, disable / enable. */
export function BaseLibrariesPage() {
  const { t, i18n } = useTranslation();
  const filters = usePlatformReleaseFilters();
  const [{ data, fetching, error }, refetch] = useQuery({
    query: OpPlatformBaseLibrariesDocument,
    variables: filters.variables,
  });
  const [, enable] = useMutation(OpPlatformEnableBaseLibraryDocument);
  const [, disable] = useMutation(OpPlatformDisableBaseLibraryDocument);
  return (
    <PlatformReleasesView
      kind="base-library"
      texts="baseLibraries"
      filters={filters}
      fetched={data?.baseLibraries}
      total={data?.baseLibrariesTotal}
      fetching={fetching}
      error={error}
      enable={(id) => enable({ id })}
      disable={(id) => disable({ id })}
      reload={() => refetch({ requestPolicy: 'network-only' })}
      columns={[
        {
          title: t('opPlatform.baseLibraries.platforms'),
          render: (_, lib) => lib.platforms.map((p) => t(`opPlatform.platform.${p}`)).join(', '),
        },
        { title: t('opPlatform.baseLibraries.minSdkVersion'), dataIndex: 'minSdkVersion' },
        {
          title: t('opPlatform.size'),
          render: (_, lib) =>
            `${formatBytes(lib.packageSize, i18n.language)} · ${formatNumber(lib.packageFiles, i18n.language)} ${t('opPlatform.baseLibraries.files')}`,
        },
      ]}
    />
  );
}
