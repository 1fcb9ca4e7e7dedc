import { MAX_CUSTOM_ATTRIBUTES, type MiniProgramAccess } from '@grove/contracts';
import {
  BadUserInputError,
  describeOperation,
  NotFoundError,
  Permission,
  type Principal,
  type TransactionalOutbox,
} from '@grove/platform';
import type {
  CustomAttributeDeclaration,
  CustomAttributeKind,
  CustomEventDeclaration,
  CustomEventStore,
} from '../store/custom-event.store';

/** Same grammar as the report envelope's custom event and attribute names (@grove/contracts). */
const IDENTIFIER = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;
const KINDS: readonly CustomAttributeKind[] = ['string', 'number', 'boolean'];
/** At most this many declared custom events per mini-program (FinClip's console caps them too). */
export const MAX_CUSTOM_EVENTS = 200;

export interface DeclareCustomEventInput {
  name: string;
  displayName: string;
  attributes: CustomAttributeDeclaration[];
}

/** Declared custom events of the mini-programs in a report, by app id then event name: what the cleaner checks. */
export type CustomEventRules = Map<string, Map<string, Map<string, CustomAttributeKind>>>;

/**
 * Custom event declarations (issue 9 §1): the owner declares an event's identifier, display name and typed
 * attributes before the SDK may report it; the cleaner drops undeclared events and mistyped attributes. Reading
 * them is a mini-program read, changing them a mini-program setting (miniprogram:write). A change commits in one
 * unit of work with its operation log line (ADR 0013), which targets the mini-program and names the event.
 */
export class CustomEventService {
  constructor(
    private readonly store: CustomEventStore,
    private readonly access: MiniProgramAccess,
    private readonly unitOfWork: Pick<TransactionalOutbox, 'transaction'>,
  ) {}

  async list(p: Principal, appId: string): Promise<CustomEventDeclaration[]> {
    const { app } = await this.access.app(
      p,
      appId,
      Permission.MINIPROGRAM_READ,
      Permission.MINIPROGRAM_REVIEW,
    );
    return this.store.list(app.appId);
  }

  async declare(
    p: Principal,
    appId: string,
    input: DeclareCustomEventInput,
  ): Promise<CustomEventDeclaration> {
    const { user, app } = await this.access.app(p, appId, Permission.MINIPROGRAM_WRITE);
    this.access.requireActive(app, 'changed');
    const declaration = checkDeclaration(input);
    const attributes = declaration.attributes.map((a) => `${a.name}:${a.type}`).join(', ') || 'none';
    describeOperation({
      target: { type: 'mini-program', id: app.appId },
      organizationId: app.orgId,
      summary: `declared custom event ${declaration.name} (${declaration.displayName}); attributes ${attributes}`,
    });
    return this.unitOfWork.transaction(async () => {
      const existing = await this.store.list(app.appId);
      if (!existing.some((d) => d.name === declaration.name) && existing.length >= MAX_CUSTOM_EVENTS) {
        throw new BadUserInputError(`A mini-program declares at most ${MAX_CUSTOM_EVENTS} custom events`, {
          reason: 'TOO_MANY_CUSTOM_EVENTS',
        });
      }
      return this.store.put({ appId: app.appId, orgId: app.orgId, ...declaration, updatedBy: user.userId });
    });
  }

  async remove(p: Principal, appId: string, name: string): Promise<boolean> {
    const { app } = await this.access.app(p, appId, Permission.MINIPROGRAM_WRITE);
    this.access.requireActive(app, 'changed');
    describeOperation({
      target: { type: 'mini-program', id: app.appId },
      organizationId: app.orgId,
      summary: `removed custom event ${name}`,
    });
    return this.unitOfWork.transaction(async () => {
      if (!(await this.store.remove(app.appId, name))) throw new NotFoundError('Custom event not declared');
      return true;
    });
  }

  /** The declarations of these mini-programs, for cleaning a report (no principal: the pipeline's own read). */
  async rulesOf(appIds: Iterable<string>): Promise<CustomEventRules> {
    const rules: CustomEventRules = new Map();
    for (const appId of new Set(appIds)) {
      const events = new Map<string, Map<string, CustomAttributeKind>>();
      for (const d of await this.store.list(appId))
        events.set(d.name, new Map(d.attributes.map((a) => [a.name, a.type])));
      rules.set(appId, events);
    }
    return rules;
  }
}

function checkDeclaration(input: DeclareCustomEventInput): DeclareCustomEventInput {
  const name = input.name?.trim() ?? '';
  if (!IDENTIFIER.test(name))
    throw new BadUserInputError('name must start with a letter and use A-Z a-z 0-9 _ (at most 64)', {
      fields: ['name'],
    });
  const displayName = input.displayName?.trim() ?? '';
  if (displayName.length < 1 || displayName.length > 60)
    throw new BadUserInputError('displayName must be 1–60 characters', { fields: ['displayName'] });
  const attributes = input.attributes ?? [];
  if (attributes.length > MAX_CUSTOM_ATTRIBUTES)
    throw new BadUserInputError(`At most ${MAX_CUSTOM_ATTRIBUTES} attributes`, { fields: ['attributes'] });
  const seen = new Set<string>();
  const checked = attributes.map((a, i) => {
    const attrName = a.name?.trim() ?? '';
    if (!IDENTIFIER.test(attrName))
      throw new BadUserInputError(`attributes[${i}].name must start with a letter and use A-Z a-z 0-9 _`, {
        fields: [`attributes.${i}.name`],
      });
    if (seen.has(attrName))
      throw new BadUserInputError(`Attribute ${attrName} is declared twice`, {
        fields: [`attributes.${i}.name`],
      });
    seen.add(attrName);
    if (!KINDS.includes(a.type))
      throw new BadUserInputError(`attributes[${i}].type must be one of ${KINDS.join(', ')}`, {
        fields: [`attributes.${i}.type`],
      });
    const label = a.displayName?.trim() || attrName;
    if (label.length > 60)
      throw new BadUserInputError(`attributes[${i}].displayName must be at most 60 characters`, {
        fields: [`attributes.${i}.displayName`],
      });
    return { name: attrName, type: a.type, displayName: label };
  });
  return { name, displayName, attributes: checked };
}
