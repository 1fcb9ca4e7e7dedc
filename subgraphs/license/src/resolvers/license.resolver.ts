import type { SubgraphContext } from '@grove/platform';
import { Arg, Ctx, Int, Mutation, Query, Resolver } from 'type-graphql';
import { License, LicenseInstallationPage } from '../schema/license.type';
import type { LicenseService } from '../service/license.service';

@Resolver()
export class LicenseResolver {
  constructor(private readonly licenses: LicenseService) {}

  @Query(() => License, {
    nullable: true,
    description:
      'Operators: the license in force (the built-in evaluation license until one is installed) with usage per limit',
  })
  license(@Ctx() ctx: SubgraphContext) {
    return this.licenses.current(ctx.principal);
  }

  @Query(() => LicenseInstallationPage, {
    nullable: true,
    description: 'platform:configure (OPERATOR_ADMIN): installed licenses, newest first',
  })
  licenseHistory(
    @Ctx() ctx: SubgraphContext,
    @Arg('skip', () => Int, { defaultValue: 0 }) skip: number,
    @Arg('take', () => Int, { defaultValue: 20 }) take: number,
  ) {
    return this.licenses.history(ctx.principal, skip, take);
  }

  @Mutation(() => License, {
    description:
      'platform:configure (OPERATOR_ADMIN): verifies the vendor signature of a license document (JSON) and puts it in force',
  })
  installLicense(@Arg('document', () => String) document: string, @Ctx() ctx: SubgraphContext) {
    return this.licenses.install(ctx.principal, document);
  }
}
