import { z } from 'zod';
import {
  defineRead,
  isReadName,
  readNames,
  type ReadHandler,
  type ReadHandlers,
  type ReadParams,
  type ReadResult,
  type ReadsOwnedBy,
} from '../internal-reads/internal-reads.contract';

/**
 * What the search service reads from the owners of the catalogue (issue 10): events carry ids only, so on each event
 * the search index re-reads the mini-program or organization it names, and rebuilds from the same reads. Same shape
 * as the SDK runtime's reads (ADR 0009): one owner per read, zod parameters and answer, in process in embedded mode
 * and `POST <owner origin>/internal/catalogue-reads/v1/<read>` with the search service's credential otherwise.
 */

export const CATALOGUE_READS_PATH = '/internal/catalogue-reads/v1';
/** The `svc` claim of the internal credential the search service signs for these calls. */
export const CATALOGUE_READS_CALLER = 'search';
/** Most app ids one `catalogueAppIds` page returns. */
export const CATALOGUE_IDS_MAX_TAKE = 500;

const id = z.string().min(1).max(64);

export const catalogueEntrySchema = z.object({
  appId: z.string(),
  orgId: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  category: z.string().nullable(),
  tags: z.array(z.string()),
  /** Search aliases its owner set (ranked below the name). */
  aliases: z.array(z.string()),
  /** Pages its owner declared searchable. */
  pages: z.array(z.object({ path: z.string(), title: z.string(), text: z.string() })),
  /** The owner's "can be found by search" switch. */
  searchable: z.boolean(),
  logoKey: z.string().nullable(),
  /** Frozen by an operator (the mini-program itself; the organization's freeze is account's answer). */
  frozen: z.boolean(),
  /** A version is published now. */
  published: z.boolean(),
  /** Nothing is published because the release was delisted (vs never released). */
  delisted: z.boolean(),
  /** Host apps with an ACTIVE link to it. */
  hostAppIds: z.array(z.string()),
});
export type CatalogueEntry = z.infer<typeof catalogueEntrySchema>;

export const catalogueOrganizationSchema = z.object({
  orgId: z.string(),
  name: z.string(),
  frozen: z.boolean(),
});
export type CatalogueOrganization = z.infer<typeof catalogueOrganizationSchema>;

export const catalogueAppIdsSchema = z.object({ appIds: z.array(z.string()), next: z.string().nullable() });

export type CatalogueReadOwner = 'app-manage' | 'account';

const read = <O extends CatalogueReadOwner, P extends z.ZodType, R extends z.ZodType>(
  owner: O,
  params: P,
  result: R,
) => defineRead(owner, params, result);

export const catalogueReads = {
  /** null when the mini-program does not exist (or is being deleted). */
  catalogueEntry: read('app-manage', z.object({ appId: id }), catalogueEntrySchema.nullable()),
  /** Every mini-program id in id order, a page at a time (`after`: the last id of the previous page). */
  catalogueAppIds: read(
    'app-manage',
    z.object({ after: id.optional(), take: z.number().int().min(1).max(CATALOGUE_IDS_MAX_TAKE) }),
    catalogueAppIdsSchema,
  ),
  /** null when the organization does not exist. */
  catalogueOrganization: read('account', z.object({ orgId: id }), catalogueOrganizationSchema.nullable()),
} as const;

type CatalogueReadSet = typeof catalogueReads;
export type CatalogueReadName = keyof CatalogueReadSet;
export type CatalogueReadParams<N extends CatalogueReadName> = ReadParams<CatalogueReadSet, N>;
export type CatalogueReadResult<N extends CatalogueReadName> = ReadResult<CatalogueReadSet, N>;
export type CatalogueReadHandler<N extends CatalogueReadName> = ReadHandler<CatalogueReadSet, N>;

/** The reads one owner answers. */
export type CatalogueReadsOf<O extends CatalogueReadOwner> = ReadsOwnedBy<CatalogueReadSet, O>;

/** Every read of the set, whoever answers. */
export type CatalogueReadHandlers = ReadHandlers<CatalogueReadSet>;

export const CATALOGUE_READ_NAMES: CatalogueReadName[] = readNames(catalogueReads);

export function isCatalogueReadName(name: string): name is CatalogueReadName {
  return isReadName(catalogueReads, name);
}

/** The catalogue reads a module answers in process (`catalogueReads` on app-manage's and account's modules). */
export function catalogueReadsOf(module: object): Partial<CatalogueReadHandlers> | undefined {
  const reads = (module as { catalogueReads?: unknown }).catalogueReads;
  return reads && typeof reads === 'object' ? (reads as Partial<CatalogueReadHandlers>) : undefined;
}

/** Every catalogue read from the modules of this process; throws naming the reads no module answers. */
export function catalogueReadsFromModules(modules: readonly object[]): CatalogueReadHandlers {
  const handlers: Partial<CatalogueReadHandlers> = {};
  for (const module of modules) Object.assign(handlers, catalogueReadsOf(module) ?? {});
  const missing = CATALOGUE_READ_NAMES.filter((name) => !handlers[name]);
  if (missing.length > 0)
    throw new Error(
      `No module in this process answers the catalogue reads ${missing.join(', ')} (app-manage and account must run here)`,
    );
  return handlers as CatalogueReadHandlers;
}
