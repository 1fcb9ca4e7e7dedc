import { modelOptions, prop } from '@typegoose/typegoose';

/**
 * The identity of the database the search index belongs to: one document (`_id: 'identity'`) with a random value,
 * written once. A snapshot records it, so a snapshot taken against another database (a reset, a restored backup, a
 * test's fresh database beside an old data directory) is rebuilt, never loaded.
 */
@modelOptions({ schemaOptions: { collection: 'search_index_identity', timestamps: true } })
export class SearchIndexIdentityModel {
  @prop({ type: String, required: true })
  _id!: string;

  @prop({ type: String, required: true })
  value!: string;

  createdAt!: Date;
  updatedAt!: Date;
}
