import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { claimSearchInstance, type ClaimOptions } from './search-instance.store';

describe('search instance: the default consumer group outside Kubernetes', () => {
  let base: string;
  let clock: number;
  const running = new Set<number>();
  beforeEach(() => {
    base = mkdtempSync(join(tmpdir(), 'grove-search-slots-'));
    clock = Date.UTC(2026, 11, 2);
    running.clear();
  });
  afterEach(() => rmSync(base, { recursive: true, force: true }));

  const claim = (hostname: string, pid: number, options: ClaimOptions = {}) => {
    running.add(pid);
    return claimSearchInstance(base, {
      hostname,
      pid,
      now: () => clock,
      isRunning: (p) => running.has(p),
      staleMs: 30_000,
      ...options,
    });
  };

  it('gives a restarted process its group back, and running processes a group each', async () => {
    const a = await claim('host-1', 100);
    const b = await claim('host-1', 101);
    expect(a.group).toMatch(/^search-[a-z0-9]{12}$/);
    expect(b.group).not.toBe(a.group);
    expect([a.dir, b.dir]).toEqual([join(base, 'slot-0'), join(base, 'slot-1')]);

    // a crashes (no release): its process is gone, so its restart (a new pid) takes slot 0 and its group again.
    running.delete(100);
    const aAgain = await claim('host-1', 200);
    expect(aAgain.group).toBe(a.group);

    // b stops cleanly; a third process then takes slot 1: no new group appears.
    await b.release();
    const c = await claim('host-1', 300);
    expect(c.group).toBe(b.group);

    // A restarted container keeps its hostname and often its pid (1): its own stale lock is not someone else's.
    const container = await claim('container-7', 1);
    const restarted = await claim('container-7', 1);
    expect(restarted.group).toBe(container.group);

    for (const instance of [aAgain, c, container, restarted]) await instance.release();
  });

  it("skips another host's live slot and takes it back once its heartbeat is stale", async () => {
    const other = await claim('host-2', 100);
    await other.release(); // stops refreshing, but leaves a lock behind as a crash would:
    // Its heartbeat (every third of its staleMs) must not fire during the test: the crashed process is gone.
    const crashed = await claim('host-2', 100, { staleMs: 3_600_000 });
    const mine = await claim('host-1', 500);
    expect(mine.group).not.toBe(crashed.group);
    await mine.release();

    clock += 31_000;
    const later = await claim('host-1', 501);
    expect(later.group).toBe(crashed.group);
    await later.release();
    await crashed.release();
  });
});
