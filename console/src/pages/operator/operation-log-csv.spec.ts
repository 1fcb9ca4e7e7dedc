import { describe, expect, it } from 'vitest';
import { collectCsv, csvFileName, type CsvChunk } from './operation-log-csv';

describe('operation log CSV', () => {
  const now = new Date('2026-03-15T10:30:05.123Z');

  it('names the file by the download time and the filter', () => {
    expect(csvFileName({}, now)).toBe('grove-operation-log-20260315T103005Z.csv');
    expect(
      csvFileName(
        {
          organizationId: 'org_1',
          actor: 'user:42',
          action: 'freezeMiniProgram',
          target: 'app/../x y',
          from: '2026-03-01T00:00:00.000Z',
          to: '2026-03-02T00:00:00.000Z',
        },
        now,
      ),
    ).toBe(
      'grove-operation-log-20260315T103005Z-org-org_1-actor-user_42-action-freezeMiniProgram-target-app_.._x_y-from-20260301T000000Z-to-20260302T000000Z.csv',
    );
  });

  it('never puts path separators or shell characters in the name', () => {
    const name = csvFileName({ actor: '/etc/passwd', target: '"; rm -rf *' }, now);
    expect(name).not.toMatch(/[/\\"; *]/);
  });

  it('joins the chunks in order, following the cursors, and reports progress', async () => {
    const chunks: Record<string, CsvChunk> = {
      first: { csv: 'h\r\na\r\n', rows: 1, nextCursor: 'c1' },
      c1: { csv: 'b\r\n', rows: 1, nextCursor: 'c2' },
      c2: { csv: 'c\r\n', rows: 1, nextCursor: null },
    };
    const asked: Array<string | undefined> = [];
    const progress: number[] = [];
    const result = await collectCsv(
      async (after) => {
        asked.push(after);
        return chunks[after ?? 'first']!;
      },
      (rows) => progress.push(rows),
    );
    expect(result).toEqual({ csv: 'h\r\na\r\nb\r\nc\r\n', rows: 3 });
    expect(asked).toEqual([undefined, 'c1', 'c2']);
    expect(progress).toEqual([1, 2, 3]);
  });

  it('stops when cancelled and when a chunk fails, offering no partial file', async () => {
    const controller = new AbortController();
    let calls = 0;
    await expect(
      collectCsv(
        async () => {
          calls++;
          controller.abort(new Error('cancelled'));
          return { csv: 'x', rows: 1, nextCursor: 'next' };
        },
        () => undefined,
        controller.signal,
      ),
    ).rejects.toThrow('cancelled');
    expect(calls).toBe(1);
    await expect(
      collectCsv(
        async () => {
          throw new Error('FORBIDDEN');
        },
        () => undefined,
      ),
    ).rejects.toThrow('FORBIDDEN');
  });

  it('refuses a cursor that does not move (a server bug would otherwise loop forever)', async () => {
    await expect(
      collectCsv(
        async (after) => ({ csv: '', rows: 0, nextCursor: after ?? 'same' }),
        () => undefined,
      ),
    ).rejects.toThrow('same cursor');
  });
});
