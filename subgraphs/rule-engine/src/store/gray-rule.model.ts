import { index, modelOptions, prop } from '@typegoose/typegoose';

/** A saved gray release rule of a mini-program. `version` guards edits and keys the compiled-rule cache. */
@modelOptions({ schemaOptions: { collection: 'rule_engine_gray_rules', timestamps: true } })
@index({ appId: 1, name: 1 }, { unique: true })
export class GrayRuleModel {
  @prop({ type: String, required: true })
  _id!: string;

  @prop({ type: String, required: true })
  appId!: string;

  @prop({ type: String, required: true })
  orgId!: string;

  @prop({ type: String, required: true, trim: true, minlength: 1, maxlength: 60 })
  name!: string;

  @prop({ type: String, maxlength: 500 })
  description?: string;

  /**
   * The validated rule JSON as text: stored verbatim so both document drivers keep any key/value the rule
   * grammar allows (Mongo restricts `$` and `.` in keys).
   */
  @prop({ type: String, required: true })
  ruleJson!: string;

  @prop({ type: Number, required: true, min: 1 })
  version!: number;

  @prop({ type: String, required: true })
  createdBy!: string;

  @prop({ type: String, required: true })
  updatedBy!: string;

  createdAt!: Date;
  updatedAt!: Date;
}
