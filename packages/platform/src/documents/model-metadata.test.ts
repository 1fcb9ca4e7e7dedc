import { index, modelOptions, prop } from '@typegoose/typegoose';
import { defaultCollectionName, getModelMetadata } from './model-metadata';
import { AuditLogEntry, ContractItem, ContractSession } from './documents.fixtures';

describe('defaultCollectionName', () => {
  it.each([
    ['MiniProgram', 'mini-programs'],
    ['AuditLogEntry', 'audit-log-entries'],
    ['HTTPSession', 'http-sessions'],
    ['User', 'users'],
    ['OrgMember2', 'org-member2'], // mongoose leaves words ending in a digit alone,
  ])('%s -> %s', (className, expected) => {
    expect(defaultCollectionName(className)).toBe(expected);
  });
});

describe('getModelMetadata', () => {
  it('reads the collection option, unique/sparse/compound indexes and timestamps', () => {
    const meta = getModelMetadata(ContractItem);
    expect(meta.collectionName).toBe('contract-items');
    expect(meta.modelName).toBe('ContractItem');
    expect(meta.timestamps).toEqual({ createdAt: 'createdAt', updatedAt: 'updatedAt' });
    expect(meta.indexes).toEqual(
      expect.arrayContaining([
        { fields: ['code'], unique: true, sparse: true },
        { fields: ['orgId', 'slug'], unique: true, sparse: false },
      ]),
    );
    expect(meta.indexes).toHaveLength(2);
    expect(meta.schema.get('versionKey')).toBe(false);
  });

  it('turns `expires` into a TTL index and caches per class', () => {
    const meta = getModelMetadata(ContractSession);
    expect(meta.indexes).toEqual([
      { fields: ['lastSeenAt'], unique: false, sparse: false, expireAfterSeconds: 1 },
    ]);
    expect(getModelMetadata(ContractSession)).toBe(meta);
  });

  it('gives a class without `_id` a String id and a default collection name', () => {
    const meta = getModelMetadata(AuditLogEntry);
    expect(meta.collectionName).toBe('audit-log-entries');
    expect((meta.schema.path('_id') as unknown as { instance: string }).instance).toBe('String');
    expect(meta.timestamps).toEqual({});
  });

  it('reads custom timestamp names and TTL from @index', () => {
    @modelOptions({
      schemaOptions: {
        collection: 'metadata-tokens',
        timestamps: { createdAt: 'issuedAt', updatedAt: false },
      },
    })
    @index({ issuedAt: 1 }, { expireAfterSeconds: 3600 })
    class MetadataToken {
      @prop({ type: String }) _id!: string;
    }
    const meta = getModelMetadata(MetadataToken);
    expect(meta.timestamps).toEqual({ createdAt: 'issuedAt', updatedAt: undefined });
    expect(meta.indexes).toEqual([
      { fields: ['issuedAt'], unique: false, sparse: false, expireAfterSeconds: 3600 },
    ]);
  });

  it('refuses collection names that are not safe file names and index kinds without an embedded equivalent', () => {
    @modelOptions({ schemaOptions: { collection: '../escape' } })
    class Escaping {
      @prop({ type: String }) name?: string;
    }
    expect(() => getModelMetadata(Escaping)).toThrow(/Invalid collection name/);

    @index({ body: 'text' })
    class Searchable {
      @prop({ type: String }) body?: string;
    }
    expect(() => getModelMetadata(Searchable)).toThrow(/Unsupported index type text/);
  });
});
