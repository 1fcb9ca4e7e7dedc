/**
 * Retries `check` (sync or async) until it stops throwing, for at most `timeoutMs`; the last failure is rethrown.
 * For effects that arrive asynchronously (event consumers, caches); it bounds waiting, it does not time anything.
 */
export async function eventually(
  check: () => void | Promise<void>,
  timeoutMs = 2000,
  intervalMs = 10,
): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      await check();
      return;
    } catch (error) {
      if (Date.now() > until) throw error;
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  }
}
