import { useQuery } from 'urql';
import { ConsoleMyOrganizationsDocument } from '../../../../schema/generated/graphql';
import { useAuth } from '../../auth/auth-context';
import { memberOrganizations } from './member-organizations';

/** The approved organizations the caller is a member of (what the institution console acts for). */
export function useMemberOrganizations() {
  const { viewer } = useAuth();
  const [{ data, fetching }] = useQuery({
    query: ConsoleMyOrganizationsDocument,
    // The session's provider asked the network for them when the app started (and pages that change them refetch):
    // each page mounting here would otherwise ask again before its own list can start.
    requestPolicy: 'cache-first',
  });
  const organizations = memberOrganizations(data?.myOrganizations ?? [], viewer?.memberships ?? []);
  return { organizations, loading: fetching && !data };
}
