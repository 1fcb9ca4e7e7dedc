import { modelOptions, prop } from '@typegoose/typegoose';

/** The operators' hot words: one document (`_id: 'hot-words'`), the words in display order. */
@modelOptions({ schemaOptions: { collection: 'search_hot_words', timestamps: true } })
export class SearchHotWordsModel {
  @prop({ type: String, required: true })
  _id!: string;

  @prop({ type: () => [String], default: [] })
  words!: string[];

  @prop({ type: String, required: true })
  updatedBy!: string;

  createdAt!: Date;
  updatedAt!: Date;
}

/** One synonym group: its terms stand for one another at query time (社保 ⇄ 社会保险). */
@modelOptions({ schemaOptions: { collection: 'search_synonym_groups', timestamps: true } })
export class SearchSynonymGroupModel {
  @prop({ type: String, required: true })
  _id!: string;

  /** Position in the operator's list. */
  @prop({ type: Number, required: true })
  position!: number;

  @prop({ type: () => [String], default: [] })
  terms!: string[];

  createdAt!: Date;
  updatedAt!: Date;
}
