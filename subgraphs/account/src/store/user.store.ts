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

export const OPERATORS_ORDER: KeysetOrder = { name: 'operators', field: 'createdAt', direction: 1 };
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

  /** Operator accounts, oldest first, a page at a time (docs/query-limits.md). */
  pageOperators(request: PageRequest): Promise<UserModel[]> {
    const page = keysetPage(OPERATORS_ORDER, request, OPERATORS_PAGE, { operatorRoles: ANY_OPERATOR_ROLE });
    return this.users.find(page.filter, { sort: page.sort, limit: page.take });
  }

  findAnyWithOperatorRole(role: OperatorRole): Promise<UserModel | null> {
    return this.users.findOne({ operatorRoles: role });
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
