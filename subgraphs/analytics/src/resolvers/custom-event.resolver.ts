import type { SubgraphContext } from '@grove/platform';
import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { CustomEventDeclaration as Declaration } from '../store/custom-event.store';
import type { CustomEventService } from '../service/custom-event.service';
import {
  CustomAttributeType,
  CustomEventDeclaration,
  DeclareCustomEventInput,
} from '../schema/custom-event.types';

/** At most this many declarations per page (a mini-program declares at most MAX_CUSTOM_EVENTS). */
const MAX_TAKE = 200;

function toType(d: Declaration): CustomEventDeclaration {
  return Object.assign(new CustomEventDeclaration(), {
    appId: d.appId,
    name: d.name,
    displayName: d.displayName,
    updatedAt: d.updatedAt,
    declared: d.attributes.map((a) => ({
      name: a.name,
      type: a.type as CustomAttributeType,
      displayName: a.displayName,
    })),
  });
}

@Resolver()
export class CustomEventResolver {
  constructor(private readonly customEvents: CustomEventService) {}

  @Query(() => [CustomEventDeclaration], {
    description: 'Members of the owning organization (miniprogram:read) or reviewing operators; by name',
  })
  async customEventDeclarations(
    @Arg('appId', () => ID) appId: string,
    @Arg('take', () => Int, { defaultValue: 20 }) take: number,
    @Arg('skip', () => Int, { defaultValue: 0 }) skip: number,
    @Ctx() ctx: SubgraphContext,
  ) {
    const all = await this.customEvents.list(ctx.principal, appId);
    return all
      .slice(Math.max(0, skip), Math.max(0, skip) + Math.max(0, Math.min(take, MAX_TAKE)))
      .map(toType);
  }

  @Mutation(() => CustomEventDeclaration, {
    description: 'miniprogram:write; creates or replaces the declaration of input.name',
  })
  async declareCustomEvent(
    @Arg('appId', () => ID) appId: string,
    @Arg('input', () => DeclareCustomEventInput) input: DeclareCustomEventInput,
    @Ctx() ctx: SubgraphContext,
  ) {
    const declared = await this.customEvents.declare(ctx.principal, appId, {
      name: input.name,
      displayName: input.displayName,
      attributes: input.attributes.map((a) => ({
        name: a.name,
        type: a.type,
        displayName: a.displayName ?? '',
      })),
    });
    return toType(declared);
  }

  @Mutation(() => Boolean, {
    description: 'miniprogram:write; events of that name reported afterwards are dropped',
  })
  removeCustomEventDeclaration(
    @Arg('appId', () => ID) appId: string,
    @Arg('name') name: string,
    @Ctx() ctx: SubgraphContext,
  ) {
    return this.customEvents.remove(ctx.principal, appId, name);
  }
}
