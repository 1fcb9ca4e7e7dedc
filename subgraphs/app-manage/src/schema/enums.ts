import { registerEnumType } from 'type-graphql';
import { LinkDirection } from '../service/app-manage-input';
import { LinkStatus } from '../store/link.model';
import { MiniProgramStatus } from '../store/mini-program.model';
import { VersionStatus } from '../store/version.model';

registerEnumType(MiniProgramStatus, {
  name: 'MiniProgramStatus',
  description: 'FROZEN mini-programs cannot be submitted or released',
});
registerEnumType(VersionStatus, {
  name: 'MiniProgramVersionStatus',
  description: 'Review and release state of a version',
});
registerEnumType(LinkStatus, { name: 'HostAppLinkStatus' });
registerEnumType(LinkDirection, {
  name: 'HostAppLinkDirection',
  description: 'INCOMING: requests for your mini-programs; OUTGOING: requests from your host apps',
});

export { LinkDirection, LinkStatus, MiniProgramStatus, VersionStatus };
