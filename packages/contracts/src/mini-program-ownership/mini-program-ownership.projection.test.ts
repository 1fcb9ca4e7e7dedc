import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { modelOptions } from '@typegoose/typegoose';
import { createDocumentStore, newId, type DocumentStore, type DomainEvent } from '@grove/platform';
import { MiniProgramOwnershipModel } from './mini-program-ownership.model';
import { MiniProgramOwnershipProjection } from './mini-program-ownership.projection';

@modelOptions({
  schemaOptions: { collection: 'test_ownership_mini_programs' },
  options: { customName: 'TestOwnershipMiniProgram' },
})
class TestOwnershipModel extends MiniProgramOwnershipModel {}

const orgId = 'org-a';
const appId = 'mp0123456789abcdef';

function event(type: string, offsetMs: number): DomainEvent<unknown> {
  return {
    id: newId(),
    type,
    key: appId,
    occurredAt: new Date(Date.UTC(2026, 0, 1) + offsetMs).toISOString(),
    payload: { appId, orgId, actorId: 'u1' },
  };
}

describe('MiniProgramOwnershipProjection: mini-program.deleted', () => {
  let dir: string;
  let documents: DocumentStore;
  let projection: MiniProgramOwnershipProjection;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'grove-ownership-'));
    documents = await createDocumentStore({ driver: 'sqlite', dataDir: dir });
    projection = new MiniProgramOwnershipProjection(documents, TestOwnershipModel);
  });
  afterAll(async () => {
    await documents.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('drops the app, and a late replay of an older event does not bring it back', async () => {
    expect(await projection.apply(event('mini-program.created', 0))).toBe(true);
    expect(await projection.get(appId)).toEqual({ appId, orgId, status: 'ACTIVE' });

    const deleted = event('mini-program.deleted', 2000);
    expect(await projection.apply(deleted)).toBe(true);
    expect(await projection.get(appId)).toBeNull();

    // Redelivery of the deletion, and older creation / update events arriving late: still gone.
    expect(await projection.apply(deleted)).toBe(true);
    expect(await projection.apply(event('mini-program.created', 0))).toBe(false);
    expect(await projection.apply(event('mini-program.updated', 1000))).toBe(false);
    expect(await projection.apply(event('mini-program.unfrozen', 1500))).toBe(false);
    expect(await projection.get(appId)).toBeNull();
  });

  it('records a deletion it sees first (the projection started late) as a tombstone', async () => {
    const other = 'mp00000000000000ff';
    const at = new Date(Date.UTC(2026, 0, 2)).toISOString();
    const payload = { appId: other, orgId, actorId: 'u1' };
    expect(
      await projection.apply({
        id: newId(),
        type: 'mini-program.deleted',
        key: other,
        occurredAt: at,
        payload,
      }),
    ).toBe(true);
    const earlier = new Date(Date.UTC(2026, 0, 1)).toISOString();
    expect(
      await projection.apply({
        id: newId(),
        type: 'mini-program.updated',
        key: other,
        occurredAt: earlier,
        payload,
      }),
    ).toBe(false);
    expect(await projection.get(other)).toBeNull();
  });
});
