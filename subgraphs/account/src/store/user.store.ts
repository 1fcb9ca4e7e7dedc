import {
  keysetPage,
  OperatorRole,
  type DocumentCollection,
  type DocumentStore,
  type KeysetOrder,
  type PageRequest,
} from '@grove/platform';
import { UserModel } from './user.model';
import { compact, stamped } from './views';

const ANY_OPERATOR_ROLE = { $in: Object.values(OperatorRole) };

export const OPERATORS_PAGE = { defaultTake: 100, maxTake: 100 };

export interface NewUser {
  email?: string;
  phone?: string;
  displayName: string;
  passwordHash: string;
  operatorRoles?: OperatorRole[];
}

/** Users over the documents port. The only place password hashes are read. */
export class UserStore {
  private readonly users: DocumentCollection<UserModel>;

  constructor(documents: DocumentStore) {
    this.users = documents.collection(UserModel);
  }

  insert(user: NewUser): Promise<UserModel> {
    return this.users.insertOne(
      stamped<UserModel>(compact({ ...user, operatorRoles: user.operatorRoles ?? [], disabled: false })),
    );
  }

  findById(id: string): Promise<UserModel | null> {
    return this.users.findById(id);
  }

  findByIds(ids: string[]): Promise<UserModel[]> {
    return ids.length === 0 ? Promise.resolve([]) : this.users.find({ _id: { $in: ids } });
  }

  /** Exactly one of email/phone, already normalised. */
  findByIdentifier(identifier: { email?: string; phone?: string }): Promise<UserModel | null> {
    if (identifier.email) return this.users.findOne({ email: identifier.email });
    if (identifier.phone) return this.users.findOne({ phone: identifier.phone });
    return Promise.resolve(null);
  }

  /** Operator accounts in `order` (`listOrder(OPERATOR_ORDERS, …)`), a page at a time (docs/query-limits.md). */
  pageOperators(order: KeysetOrder, request: PageRequest): Promise<UserModel[]> {
    const page = keysetPage(order, request, OPERATORS_PAGE, { operatorRoles: ANY_OPERATOR_ROLE });
    return this.users.find(page.filter, { sort: page.sort, limit: page.take });
  }

  findAnyWithOperatorRole(role: OperatorRole): Promise<UserModel | null> {
    return this.users.findOne({ operatorRoles: role });
  }

  /** Conditional on the role the caller read (`from`): of two concurrent changes only one wins; null for the other. */
  changeOperatorRole(id: string, from: OperatorRole, to: OperatorRole): Promise<UserModel | null> {
    return this.users.findOneAndUpdate(
      { _id: id, operatorRoles: from },
      { $set: { operatorRoles: [to], updatedAt: new Date() } },
    );
  }

  /**
   * Writes to an enabled OPERATOR_ADMIN's own document (its `updatedAt`) on condition that it still is one; null when
   * it is not. Inside a unit of work this makes the admin's standing part of the change: two admins demoting each
   * other at once cannot both commit (PostgreSQL locks the rows, SQLite runs one unit at a time).
   */
  confirmEnabledAdmin(id: string): Promise<UserModel | null> {
    return this.users.findOneAndUpdate(
      { _id: id, operatorRoles: OperatorRole.OPERATOR_ADMIN, disabled: false },
      { $set: { updatedAt: new Date() } },
    );
  }

  countEnabledAdmins(): Promise<number> {
    return this.users.count({ operatorRoles: OperatorRole.OPERATOR_ADMIN, disabled: false });
  }

  /** Conditional: only flips when the flag differs and the user is an operator; null when nothing matched. */
  setOperatorDisabled(id: string, disabled: boolean): Promise<UserModel | null> {
    return this.users.findOneAndUpdate(
      { _id: id, disabled: !disabled, operatorRoles: ANY_OPERATOR_ROLE },
      { $set: { disabled } },
    );
  }

  /** Conditional on the hash the caller verified: of two concurrent changes only one wins; null for the other. */
  replacePasswordHash(
    id: string,
    verifiedHash: string,
    passwordHash: string,
    at: Date,
  ): Promise<UserModel | null> {
    return this.users.findOneAndUpdate(
      { _id: id, passwordHash: verifiedHash, disabled: false },
      { $set: { passwordHash, passwordChangedAt: at } },
    );
  }

  async touchLogin(id: string, at: Date): Promise<void> {
    await this.users.updateOne({ _id: id }, { $set: { lastLoginAt: at } });
  }

  async deleteById(id: string): Promise<void> {
    await this.users.deleteOne({ _id: id });
  }
}
