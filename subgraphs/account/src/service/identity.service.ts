import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  ConflictError,
  ForbiddenError,
  NotFoundError,
  OperatorRole,
  Permission,
  alignByKey,
  isPlatformError,
  permissionsOf,
  encodeCursor,
  listOrder,
  randomToken,
  type PageRequest,
  type Principal,
} from '@grove/platform';
import { OPERATOR_ORDERS } from '../store/list-orders';
import type { Logger } from '@grove/platform';
import type { MembershipStore } from '../store/membership.store';
import { type UserStore } from '../store/user.store';
import {
  asProvenSelf,
  isProvenSelf,
  toMemberView,
  toUserView,
  type MemberView,
  type UserView,
} from '../store/views';
import type { AccountAccess } from './account-access';
import { AccountTopic, type AccountEvents } from './account-events';
import {
  createOperatorSchema,
  idField,
  operatorRoleChangeSchema,
  parseInput,
  passwordField,
  signUpSchema,
} from './account-input';
import type { InvitationRedeemer } from './invitation-redeemer';
import type { PasswordHasher } from './password-hasher';
import type { SessionService } from './session.service';

export interface Viewer {
  user: UserView;
  operatorRoles: OperatorRole[];
  /** From the caller's token: platform permissions plain, organization ones as `<orgId>:<permission>`. */
  permissions: string[];
  sessionId: string;
}

export interface SignUpResult {
  user: UserView;
  /** Set when the sign-up redeemed an invitation. */
  membership: MemberView | null;
}

export interface CreateOperatorResult {
  user: UserView;
  /** Only when the password was generated: shown once, never stored in clear. */
  initialPassword: string | null;
}

export interface BootstrapResult {
  created: boolean;
  email: string;
  /** Only when created with a generated password. */
  password?: string;
  /** Where the generated password was also written (mode 0600). */
  passwordFile?: string;
}

export const BOOTSTRAP_PASSWORD_FILE = 'bootstrap-admin.txt';

/** A random password that satisfies the policy (letters and digits, ≥ 10 characters). */
export function generatePassword(): string {
  for (;;) {
    const candidate = randomToken(15);
    if (passwordField.safeParse(candidate).success) return candidate;
  }
}

/** Users and operators: sign-up, profile reads, operator administration, first-start bootstrap. */
export class IdentityService {
  constructor(
    private readonly users: UserStore,
    private readonly memberships: MembershipStore,
    private readonly access: AccountAccess,
    private readonly hasher: PasswordHasher,
    private readonly redeemer: InvitationRedeemer,
    private readonly sessions: SessionService,
    private readonly events: AccountEvents,
    private readonly logger: Logger,
  ) {}

  /** Open to anyone. With an invitation token the new account joins the inviting organization. */
  async signUp(input: unknown): Promise<SignUpResult> {
    const data = parseInput(signUpSchema, input);
    if (data.invitationToken) await this.redeemer.inspect(data.invitationToken, data);
    const passwordHash = await this.hasher.hash(data.password);
    const { doc, membership } = await this.events.atomically(async () => {
      const inserted = await this.users.insert({
        email: data.email,
        phone: data.phone,
        displayName: data.displayName,
        passwordHash,
      });
      let joined: MemberView | null = null;
      if (data.invitationToken) {
        try {
          joined = await this.redeemer.redeem(data.invitationToken, inserted);
        } catch (error) {
          await this.users.deleteById(inserted._id); // all or nothing: no account without the membership it asked for
          throw error;
        }
      }
      await this.events.publish(AccountTopic.USER, 'user.signed_up', inserted._id, { userId: inserted._id });
      return { doc: inserted, membership: joined };
    });
    return { user: asProvenSelf(toUserView(doc)), membership };
  }

  async me(p: Principal): Promise<Viewer> {
    const { principal, user } = await this.access.requireAccount(p);
    return {
      user: toUserView(user),
      operatorRoles: [...user.operatorRoles],
      permissions: permissionsOf(principal),
      sessionId: principal.sessionId,
    };
  }

  /**
   * `Viewer.memberships`: every stored membership of the viewer, whatever the organization's state (see
   * Organization.status/frozen). A field of its own, so a `me` that does not ask for them costs one read, not two.
   */
  async viewerMemberships(viewer: Viewer): Promise<MemberView[]> {
    return (await this.memberships.listByUser(viewer.user.id)).map(toMemberView);
  }

  /** The caller themself or an operator. */
  async user(p: Principal, id: string): Promise<UserView> {
    const userId = parseInput(idField, id);
    const actor = await this.access.requireAccount(p);
    if (actor.user._id !== userId && !(await this.access.operatorMay(actor, Permission.ORG_READ_ANY))) {
      throw new ForbiddenError('You may only read your own account');
    }
    const user = await this.users.findById(userId);
    if (!user) throw new NotFoundError('User not found');
    return toUserView(user);
  }

  /** Public fields only are meant to be read from these (see AccountAccess.canReadUserPrivate). */
  async usersByIds(ids: string[]): Promise<Map<string, UserView>> {
    const users = await this.users.findByIds([...new Set(ids)]);
    return new Map(users.map((u) => [u._id, toUserView(u)]));
  }

  /** Field-level guard for a user's non-public fields. */
  async requirePrivateAccess(p: Principal, user: UserView): Promise<void> {
    if (isProvenSelf(user)) return;
    if (!(await this.access.canReadUserPrivate(p, user.id))) {
      throw new ForbiddenError("Only the user, operators and fellow members may read this user's details");
    }
  }

  async reference(id: string): Promise<UserView | null> {
    const user = await this.users.findById(id);
    return user ? toUserView(user) : null;
  }

  /** Batched entity references: every user a request names (members' `user`), in one read. */
  async referenceMany(ids: readonly string[]): Promise<Array<UserView | null>> {
    const users = alignByKey(ids, await this.users.findByIds([...new Set(ids)]), (user) => user._id);
    return users.map((user) => (user ? toUserView(user) : null));
  }

  async operators(
    p: Principal,
    page: PageRequest & { orderBy?: { field?: unknown; direction?: unknown } | null } = {},
  ): Promise<UserView[]> {
    await this.access.requireOperator(p, Permission.OPERATOR_MANAGE);
    const order = listOrder(OPERATOR_ORDERS, page.orderBy);
    return (await this.users.pageOperators(order, page)).map((u) => ({
      ...toUserView(u),
      cursor: encodeCursor(order, u),
    }));
  }

  async createOperator(p: Principal, input: unknown): Promise<CreateOperatorResult> {
    const actor = await this.access.requireOperator(p, Permission.OPERATOR_MANAGE);
    const data = parseInput(createOperatorSchema, input);
    const initialPassword = data.password ? null : generatePassword();
    const passwordHash = await this.hasher.hash(data.password ?? (initialPassword as string));
    const doc = await this.events.atomically(async () => {
      const inserted = await this.users.insert({
        email: data.email,
        displayName: data.displayName,
        passwordHash,
        operatorRoles: [data.role],
      });
      await this.events.publish(AccountTopic.USER, 'operator.created', inserted._id, {
        userId: inserted._id,
        role: data.role,
        actorId: actor.user._id,
      });
      return inserted;
    });
    return { user: toUserView(doc), initialPassword };
  }

  /**
   * Changes an operator's role (operator:manage). Nobody changes their own role (an admin cannot demote themselves),
   * and the platform always keeps an enabled OPERATOR_ADMIN: the caller's own standing as one is confirmed inside
   * the change's unit of work, so two admins demoting each other at once cannot both win. The operator's tokens are
   * revoked (operator.role_changed), so the new role applies from their next refresh.
   */
  async changeOperatorRole(p: Principal, input: unknown): Promise<UserView> {
    const actor = await this.access.requireOperator(p, Permission.OPERATOR_MANAGE);
    const data = parseInput(operatorRoleChangeSchema, input);
    if (data.userId === actor.user._id)
      throw new ConflictError('You cannot change your own operator role', { reason: 'SELF_DEMOTION' });
    const current = await this.users.findById(data.userId);
    const from = current?.operatorRoles[0];
    if (!current || !from) throw new NotFoundError('Operator not found');
    if (from === data.role && current.operatorRoles.length === 1) return toUserView(current);
    const updated = await this.events.atomically(async () => {
      const confirmActor = async () => {
        if (!(await this.users.confirmEnabledAdmin(actor.user._id)))
          throw new ConflictError('You are no longer an enabled operator admin', {
            reason: 'LAST_OPERATOR_ADMIN',
          });
      };
      const change = async () => {
        const changed = await this.users.changeOperatorRole(data.userId, from, data.role);
        if (!changed)
          throw new ConflictError("The operator's role changed meanwhile; reload and try again", {
            reason: 'CONCURRENT_CHANGE',
          });
        return changed;
      };
      // The two rows are locked in id order: two admins demoting each other at once then wait for one another on
      // PostgreSQL instead of deadlocking (40P01), and the second finds its own standing gone.
      let changed: Awaited<ReturnType<typeof change>>;
      if (actor.user._id < data.userId) {
        await confirmActor();
        changed = await change();
      } else {
        changed = await change();
        await confirmActor();
      }
      if ((await this.users.countEnabledAdmins()) === 0)
        throw new ConflictError('The last enabled operator admin cannot be demoted', {
          reason: 'LAST_OPERATOR_ADMIN',
        });
      await this.events.publish(AccountTopic.USER, 'operator.role_changed', data.userId, {
        userId: data.userId,
        role: data.role,
        previousRole: from,
        actorId: actor.user._id,
      });
      return changed;
    });
    return toUserView(updated);
  }

  /** Disabling also revokes every session of the operator. */
  async setOperatorDisabled(p: Principal, userId: string, disabled: boolean): Promise<UserView> {
    const actor = await this.access.requireOperator(p, Permission.OPERATOR_MANAGE);
    const id = parseInput(idField, userId);
    if (id === actor.user._id) throw new ConflictError('You cannot disable or enable your own account');
    const updated = await this.events.atomically(async () => {
      const changed = await this.users.setOperatorDisabled(id, disabled);
      if (!changed) {
        const current = await this.users.findById(id);
        if (!current || current.operatorRoles.length === 0) throw new NotFoundError('Operator not found');
        throw new ConflictError(`The operator is already ${disabled ? 'disabled' : 'enabled'}`);
      }
      if (disabled) await this.sessions.revokeAllOf(id, 'ACCOUNT_DISABLED');
      await this.events.publish(AccountTopic.USER, disabled ? 'operator.disabled' : 'operator.enabled', id, {
        userId: id,
        actorId: actor.user._id,
      });
      return changed;
    });
    return toUserView(updated);
  }

  /**
   * First start: creates the first OPERATOR_ADMIN unless one exists (idempotent). Without a configured password
   * one is generated, returned once and written to `<dataDir>/bootstrap-admin.txt` (0600).
   */
  async bootstrap(options: { email: string; password?: string; dataDir: string }): Promise<BootstrapResult> {
    const existing = await this.users.findAnyWithOperatorRole(OperatorRole.OPERATOR_ADMIN);
    if (existing) return { created: false, email: existing.email ?? options.email };
    const email = parseInput(createOperatorSchema.shape.email, options.email);
    if (options.password) parseInput(passwordField, options.password);
    const password = options.password ?? generatePassword();
    try {
      await this.users.insert({
        email,
        displayName: 'Administrator',
        passwordHash: await this.hasher.hash(password),
        operatorRoles: [OperatorRole.OPERATOR_ADMIN],
      });
    } catch (error) {
      // Another process bootstrapped at the same moment: fine. Anything else (e.g. the email belongs to a
      // non-operator account) must be fixed by the operator, so it is reported.
      const winner =
        isPlatformError(error) &&
        error.code === 'CONFLICT' &&
        (await this.users.findAnyWithOperatorRole(OperatorRole.OPERATOR_ADMIN));
      if (winner) return { created: false, email: winner.email ?? email };
      throw error;
    }
    if (options.password) {
      this.logger.info({ email }, 'bootstrap operator admin created with the configured password');
      return { created: true, email };
    }
    await mkdir(options.dataDir, { recursive: true });
    const passwordFile = join(options.dataDir, BOOTSTRAP_PASSWORD_FILE);
    await writeFile(passwordFile, `email=${email}\npassword=${password}\n`, { mode: 0o600 });
    await chmod(passwordFile, 0o600); // mode only applies on creation
    this.logger.warn({ email, passwordFile }, 'bootstrap operator admin created with a generated password');
    return { created: true, email, password, passwordFile };
  }
}
