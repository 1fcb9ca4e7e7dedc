import { availableParallelism } from 'node:os';
import { RateLimitedError } from '@grove/platform';
import { PasswordHasher } from './password-hasher';

export interface PasswordWorkLimits {
  /** Hashes computed at once (each scrypt runs on libuv's pool and holds 128·N·r bytes). Default: the CPU count. */
  concurrency?: number;
  /** Hashes waiting for a slot; one more is refused at once. */
  maxQueued: number;
}

export interface PasswordWorkState {
  running: number;
  queued: number;
  /** Refused because the queue was full, since start. */
  refused: number;
  /** Hashes finished (or failed), since start. */
  completed: number;
}

/** What a refused caller is told to wait: long enough for the queue to drain, short enough for a person. */
const RETRY_AFTER_MS = 1000;

/**
 * Bounds the password-hashing work of this process: at most `concurrency` hashes run, at most `maxQueued` wait,
 * and anything beyond is refused immediately (RATE_LIMITED, retry after 1 s) instead of queueing for seconds.
 * A flood of logins therefore costs its senders refusals, not every other user a long wait.
 */
export class PasswordWorkQueue {
  readonly concurrency: number;
  private running = 0;
  private refusedCount = 0;
  private completedCount = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(private readonly limits: PasswordWorkLimits) {
    this.concurrency = Math.max(1, limits.concurrency ?? availableParallelism());
  }

  get state(): PasswordWorkState {
    return {
      running: this.running,
      queued: this.waiting.length,
      refused: this.refusedCount,
      completed: this.completedCount,
    };
  }

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.running >= this.concurrency) {
      if (this.waiting.length >= this.limits.maxQueued) {
        this.refusedCount += 1;
        throw new RateLimitedError(
          RETRY_AFTER_MS,
          'Too many sign-in attempts are being checked right now; try again shortly',
        );
      }
      // The slot is handed over by the finishing task (running stays counted), so no newcomer can overtake.
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else {
      this.running += 1;
    }
    try {
      return await work();
    } finally {
      this.completedCount += 1;
      const next = this.waiting.shift();
      if (next) next();
      else this.running -= 1;
    }
  }
}

/** A PasswordHasher whose every hash and verification goes through the process's PasswordWorkQueue. */
export class QueuedPasswordHasher extends PasswordHasher {
  constructor(
    cost: number,
    readonly queue: PasswordWorkQueue,
  ) {
    super(cost);
  }

  override hash(password: string): Promise<string> {
    return this.queue.run(() => super.hash(password));
  }

  override verify(password: string, stored: string): Promise<boolean> {
    return this.queue.run(() => super.verify(password, stored));
  }
}
