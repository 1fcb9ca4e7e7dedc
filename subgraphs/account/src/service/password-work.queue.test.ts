import { PasswordWorkQueue } from './password-work.queue';

/** A unit of work the test finishes by hand: no timers, no timing assertions. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, work: () => opened.then(() => 'done') };
}

describe('PasswordWorkQueue', () => {
  it('runs up to its concurrency, queues up to its cap and refuses the rest at once', async () => {
    const queue = new PasswordWorkQueue({ concurrency: 1, maxQueued: 1 });
    const first = gate();
    const second = gate();
    const running = queue.run(first.work);
    const queued = queue.run(second.work);
    expect(queue.state).toMatchObject({ running: 1, queued: 1, refused: 0 });

    await expect(queue.run(async () => 'never')).rejects.toMatchObject({
      code: 'RATE_LIMITED',
      details: { retryAfterSeconds: 1 },
    });
    expect(queue.state).toMatchObject({ running: 1, queued: 1, refused: 1 });

    first.open();
    await expect(running).resolves.toBe('done');
    expect(queue.state).toMatchObject({ running: 1, queued: 0, refused: 1 });
    second.open();
    await expect(queued).resolves.toBe('done');
    expect(queue.state).toMatchObject({ running: 0, queued: 0, refused: 1 });
  });

  it('hands a freed slot to the oldest waiter and frees it when work fails', async () => {
    const queue = new PasswordWorkQueue({ concurrency: 1, maxQueued: 5 });
    const order: string[] = [];
    const first = gate();
    const a = queue.run(async () => {
      await first.work();
      throw new Error('scrypt failed');
    });
    const b = queue.run(async () => order.push('b'));
    const c = queue.run(async () => order.push('c'));
    first.open();
    await expect(a).rejects.toThrow('scrypt failed');
    await Promise.all([b, c]);
    expect(order).toEqual(['b', 'c']);
    expect(queue.state).toMatchObject({ running: 0, queued: 0, refused: 0 });
  });
});
