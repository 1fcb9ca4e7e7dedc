import type { DocumentStore } from '@grove/platform';
import { CustomEventDeclarationModel } from './custom-event-declaration.model';

export type CustomAttributeKind = 'string' | 'number' | 'boolean';

export interface CustomAttributeDeclaration {
  name: string;
  type: CustomAttributeKind;
  displayName: string;
}

export interface CustomEventDeclaration {
  appId: string;
  orgId: string;
  name: string;
  displayName: string;
  attributes: CustomAttributeDeclaration[];
  updatedBy: string;
  updatedAt: Date;
}

function toDeclaration(doc: CustomEventDeclarationModel): CustomEventDeclaration {
  return {
    appId: doc.appId,
    orgId: doc.orgId,
    name: doc.name,
    displayName: doc.displayName,
    attributes: JSON.parse(doc.attributesJson) as CustomAttributeDeclaration[],
    updatedBy: doc.updatedBy,
    updatedAt: doc.updatedAt,
  };
}

/** Custom event declarations per mini-program, on the document port. */
export class CustomEventStore {
  constructor(private readonly documents: DocumentStore) {}

  private get collection() {
    return this.documents.collection(CustomEventDeclarationModel);
  }

  async list(appId: string): Promise<CustomEventDeclaration[]> {
    return (await this.collection.find({ appId }, { sort: { name: 1 } })).map(toDeclaration);
  }

  /** Creates or replaces the declaration of `name`. */
  async put(declaration: Omit<CustomEventDeclaration, 'updatedAt'>): Promise<CustomEventDeclaration> {
    const _id = `${declaration.appId}:${declaration.name}`;
    const { attributes, ...rest } = declaration;
    const saved = await this.collection.findOneAndUpdate(
      { _id },
      { $set: { ...rest, attributesJson: JSON.stringify(attributes) } },
      { upsert: true, returnDocument: 'after' },
    );
    return toDeclaration(saved!);
  }

  async remove(appId: string, name: string): Promise<boolean> {
    return (await this.collection.deleteOne({ _id: `${appId}:${name}` })) > 0;
  }
}
