import type { RuntimeReadsOf } from '@grove/contracts';
import type { DomainService } from '../service/domain.service';

/** The domain lists devices may reach, for the SDK runtime (in process, or over the internal route). */
export function domainRuntimeReads(domains: Pick<DomainService, 'runtimeDomains'>): RuntimeReadsOf<'domain'> {
  return {
    async domains({ appId }) {
      const lists = await domains.runtimeDomains(appId);
      return {
        request: lists.request,
        socket: lists.socket,
        upload: lists.upload,
        download: lists.download,
        business: lists.business,
      };
    },
  };
}
