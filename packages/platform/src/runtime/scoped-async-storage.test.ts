import { ScopedAsyncStorage } from './scoped-async-storage';

describe('ScopedAsyncStorage', () => {
  it('gives each run its own store, through awaits, and none outside', async () => {
    const storage = new ScopedAsyncStorage<string>();
    const seen: Array<string | undefined> = [];
    const task = (name: string, waitMs: number) =>
      storage.run(name, async () => {
        await new Promise((resolve) => setTimeout(resolve, waitMs));
        seen.push(storage.getStore());
        return storage.getStore();
      });
    expect(await Promise.all([task('a', 20), task('b', 5)])).toEqual(['a', 'b']);
    expect(seen).toEqual(['b', 'a']);
    expect(storage.getStore()).toBeUndefined();
    expect(storage.runs).toBe(0);
  });

  it('keeps the outer store for the rest of the outer run after a nested run', async () => {
    const storage = new ScopedAsyncStorage<string>();
    await storage.run('outer', async () => {
      expect(await storage.run('inner', async () => storage.getStore())).toBe('inner');
      expect(storage.getStore()).toBe('outer');
    });
  });

  it('turns its async hooks off once no run is in flight, and on again for the next run', async () => {
    const storage = new ScopedAsyncStorage<number>();
    // Node's AsyncLocalStorage keeps its state in `enabled`: while true, every promise of the process pays its init hook.
    const enabled = () => (storage as unknown as { storage: { enabled: boolean } }).storage.enabled;
    let during: boolean | undefined;
    const slow = storage.run(1, async () => {
      await new Promise((resolve) => setTimeout(resolve, 10));
      during = enabled();
    });
    await storage.run(2, async () => undefined);
    expect(enabled()).toBe(true); // the first run is still in flight
    await slow;
    expect([during, enabled(), storage.runs]).toEqual([true, false, 0]);
    await storage.run(3, async () => expect(enabled()).toBe(true));
    expect(enabled()).toBe(false);
  });

  it('still counts down when the work throws', async () => {
    const storage = new ScopedAsyncStorage<number>();
    await expect(storage.run(1, async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(storage.runs).toBe(0);
    expect(storage.getStore()).toBeUndefined();
  });
});
