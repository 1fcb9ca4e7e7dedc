import {
  BadUserInputError,
  ConflictError,
  Permission,
  describeOperation,
  encodeCursor,
  listOrder,
  requireOperatorPermission,
  type PageRequest,
  type Principal,
} from '@grove/platform';
import type { DomainStore } from '../store/domain.store';
import { WHITELIST_ORDERS } from '../store/list-orders';
import { normalizeBusinessDomain } from '../validation';
import { toWhitelistDomainView, type WhitelistDomainView } from './domain-views';
import type { DomainEvents } from './domain-events';

const MAX_NOTE_LENGTH = 200;

/**
 * Operator-managed business domains that skip the verification file (platform:configure to change, any operator to
 * read). An entry covers exactly that domain, not its subdomains; it is consulted when a business domain is added or
 * verified, so removing an entry does not revoke domains already verified through it.
 */
export class WhitelistService {
  constructor(
    private readonly store: DomainStore,
    /** Its unit of work: the whitelist change and its operation log line commit together (ADR 0013). */
    private readonly events?: Pick<DomainEvents, 'atomically'>,
  ) {}

  private atomically<R>(work: () => Promise<R>): Promise<R> {
    return this.events ? this.events.atomically(work) : work();
  }

  /** By domain name unless `orderBy` says otherwise, a page at a time. */
  async list(
    p: Principal,
    page: PageRequest & { orderBy?: { field?: unknown; direction?: unknown } | null } = {},
  ): Promise<WhitelistDomainView[]> {
    requireOperatorPermission(p, Permission.MINIPROGRAM_REVIEW);
    const order = listOrder(WHITELIST_ORDERS, page.orderBy);
    return (await this.store.pageWhitelist(order, page)).map((d) => ({
      ...toWhitelistDomainView(d),
      cursor: encodeCursor(order, d),
    }));
  }

  async add(p: Principal, domain: unknown, note?: string | null): Promise<WhitelistDomainView> {
    const user = requireOperatorPermission(p, Permission.PLATFORM_CONFIGURE);
    const normalized = normalizeBusinessDomain(typeof domain === 'string' ? domain : '');
    const text = typeof note === 'string' ? note.trim() : undefined;
    if (text !== undefined && text.length > MAX_NOTE_LENGTH) {
      throw new BadUserInputError(`note must be at most ${MAX_NOTE_LENGTH} characters`, { fields: ['note'] });
    }
    describeOperation({
      target: { type: 'whitelist-domain', id: normalized },
      summary: `whitelisted ${normalized}`,
      organizationId: null,
    });
    try {
      const doc = await this.atomically(() =>
        this.store.insertWhitelist({
          _id: normalized,
          ...(text ? { note: text } : {}),
          addedBy: user.userId,
        }),
      );
      return toWhitelistDomainView(doc);
    } catch (error) {
      if (error instanceof ConflictError)
        throw new ConflictError(`${normalized} is already whitelisted`, { domain: normalized });
      throw error;
    }
  }

  async remove(p: Principal, domain: unknown): Promise<boolean> {
    requireOperatorPermission(p, Permission.PLATFORM_CONFIGURE);
    const normalized = normalizeBusinessDomain(typeof domain === 'string' ? domain : '');
    describeOperation({
      target: { type: 'whitelist-domain', id: normalized },
      summary: `removed ${normalized} from the whitelist`,
      organizationId: null,
    });
    return (await this.atomically(() => this.store.deleteWhitelist(normalized))) > 0;
  }
}
