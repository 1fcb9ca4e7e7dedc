import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type {
  AnalyticsStore,
  AppendResult,
  CleanEvent,
  DailyBucketRow,
  DailyDevice,
  DailyMetrics,
  DailyPageRow,
  DailyRow,
  DayTables,
  DayWriter,
  DeviceChunk,
  DeviceDimension,
  Dimension,
  ExposureRow,
  PlatformDay,
  RetentionCell,
  StaleDay,
} from './analytics-store.port';
import {
  checkOffsets,
  emptyTotals,
  mergePlatformDays,
  METRIC_COLUMNS,
  RAW_COLUMNS,
  rowToEvent,
  toTotals,
  type RawRow,
} from './analytics-rows';
import {
  DayBitmapBuilder,
  distinctByValue,
  distinctCount,
  initDeviceBitmaps,
  retentionCells,
  retentionDays,
  type StoredBitmap,
} from './device-bitmaps';

/** Events per multi-row statement of `append` (20 parameters an event; SQLite binds up to 32,766). */
const APPEND_ROWS = 50;

/** The tables a day's rollup replaces (the legacy device rows go with it). */
const DAY_TABLES = [
  'analytics_daily',
  'analytics_daily_pages',
  'analytics_daily_buckets',
  'analytics_daily_bitmaps',
  'analytics_daily_devices',
] as const;

/**
 * Embedded profile: one SQLite file (DATA_DIR/analytics.sqlite) apart from the documents file, with a `day` column
 * and an (app_id, day) index — on disk, never in memory; retention deletes whole days (ADR 0010).
 */
export class SqliteAnalyticsStore implements AnalyticsStore {
  readonly driver = 'sqlite' as const;
  private readonly db: Database.Database;
  private readonly statements = new Map<string, Database.Statement>();

  constructor(file: string) {
    mkdirSync(dirname(file), { recursive: true });
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('busy_timeout = 5000');
    // A month of raw events is millions of rows: a 64 MB page cache (default 2 MB) keeps the indexes the appends
    // and the rollups walk in memory (bounded, whatever the volume).
    this.db.pragma('cache_size = -65536');
    // The rollup reads a day's raw rows in device order, scattered over the day's pages: memory-mapped reads come
    // straight from the OS page cache instead of being copied into SQLite's (address space only, not a heap).
    this.db.pragma('mmap_size = 1073741824');
  }

  async init(): Promise<void> {
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS analytics_raw_events (
        day TEXT NOT NULL, app_id TEXT NOT NULL, event_id TEXT NOT NULL, type TEXT NOT NULL, device_id TEXT NOT NULL,
        launch_id TEXT NOT NULL, client_ts INTEGER NOT NULL, event_ts INTEGER NOT NULL, received_at INTEGER NOT NULL,
        platform TEXT NOT NULL, version_id TEXT, version_source TEXT, release_plan_id TEXT, host_app_id TEXT NOT NULL,
        org_id TEXT NOT NULL, province TEXT, city TEXT, duration_ms INTEGER, page_path TEXT, attrs TEXT NOT NULL);
      CREATE INDEX IF NOT EXISTS analytics_raw_events_app_day ON analytics_raw_events (app_id, day, device_id, client_ts);
      CREATE INDEX IF NOT EXISTS analytics_raw_events_day ON analytics_raw_events (day);
      CREATE TABLE IF NOT EXISTS analytics_event_ids (app_id TEXT NOT NULL, event_id TEXT NOT NULL, day TEXT NOT NULL, PRIMARY KEY (app_id, event_id)) WITHOUT ROWID;
      CREATE INDEX IF NOT EXISTS analytics_event_ids_day ON analytics_event_ids (day);
      CREATE TABLE IF NOT EXISTS analytics_first_seen (app_id TEXT NOT NULL, device_id TEXT NOT NULL, first_day TEXT NOT NULL, PRIMARY KEY (app_id, device_id)) WITHOUT ROWID;
      CREATE INDEX IF NOT EXISTS analytics_first_seen_day ON analytics_first_seen (app_id, first_day);
      CREATE TABLE IF NOT EXISTS analytics_daily (
        app_id TEXT NOT NULL, day TEXT NOT NULL, dimension TEXT NOT NULL, value TEXT NOT NULL,
        ${METRIC_COLUMNS.map((c) => `${c} INTEGER NOT NULL`).join(', ')},
        PRIMARY KEY (app_id, day, dimension, value)) WITHOUT ROWID;
      -- Device rows of rollups written before the day bitmaps (rollup version < 2): read once by the upgrade of a day
      -- whose raw events are gone (refreshRetention), deleted with every day rewritten.
      CREATE TABLE IF NOT EXISTS analytics_daily_devices (
        app_id TEXT NOT NULL, day TEXT NOT NULL, dimension TEXT NOT NULL, value TEXT NOT NULL, device_id TEXT NOT NULL, is_new INTEGER NOT NULL,
        PRIMARY KEY (app_id, dimension, day, value, device_id)) WITHOUT ROWID;
      CREATE INDEX IF NOT EXISTS analytics_daily_devices_platform ON analytics_daily_devices (day, device_id) WHERE dimension = '';
      CREATE TABLE IF NOT EXISTS analytics_daily_pages (
        app_id TEXT NOT NULL, day TEXT NOT NULL, page_path TEXT NOT NULL, views INTEGER NOT NULL, stay_ms INTEGER NOT NULL,
        entries INTEGER NOT NULL, exits INTEGER NOT NULL, PRIMARY KEY (app_id, day, page_path)) WITHOUT ROWID;
      CREATE TABLE IF NOT EXISTS analytics_daily_buckets (
        app_id TEXT NOT NULL, day TEXT NOT NULL, kind TEXT NOT NULL, bucket TEXT NOT NULL, launches INTEGER NOT NULL,
        PRIMARY KEY (app_id, day, kind, bucket)) WITHOUT ROWID;
      CREATE TABLE IF NOT EXISTS analytics_exposures (
        app_id TEXT NOT NULL, day TEXT NOT NULL, device_id TEXT NOT NULL, plan_id TEXT NOT NULL, version_id TEXT NOT NULL,
        version_source TEXT NOT NULL, rule_id TEXT, host_app_id TEXT NOT NULL, org_id TEXT NOT NULL, served_at INTEGER NOT NULL,
        PRIMARY KEY (app_id, day, device_id, plan_id, version_id)) WITHOUT ROWID;
      CREATE INDEX IF NOT EXISTS analytics_exposures_day ON analytics_exposures (day);
      CREATE TABLE IF NOT EXISTS analytics_daily_retention (
        app_id TEXT NOT NULL, cohort_day TEXT NOT NULL, day_offset INTEGER NOT NULL, active INTEGER NOT NULL, fresh INTEGER NOT NULL,
        PRIMARY KEY (app_id, cohort_day, day_offset)) WITHOUT ROWID;
      CREATE TABLE IF NOT EXISTS analytics_rollup_days (
        app_id TEXT NOT NULL, day TEXT NOT NULL, version INTEGER NOT NULL, computed_at INTEGER NOT NULL,
        PRIMARY KEY (app_id, day)) WITHOUT ROWID;
      CREATE INDEX IF NOT EXISTS analytics_rollup_days_version ON analytics_rollup_days (version, day);
      -- Days rolled up before versions were kept: version 0, so the pipeline brings them up to date.
      INSERT OR IGNORE INTO analytics_rollup_days (app_id, day, version, computed_at)
        SELECT app_id, day, 0, 0 FROM analytics_daily WHERE dimension = '' AND value = '';
      -- Installation-wide dense device ordinals (rowid: max + 1), the bits of the day bitmaps (device-bitmaps.ts).
      CREATE TABLE IF NOT EXISTS analytics_device_ordinals (ordinal INTEGER PRIMARY KEY, device_id TEXT NOT NULL UNIQUE);
      -- A rowid table (not WITHOUT ROWID): bitmaps of tens of kilobytes belong in overflow pages, not in the key's b-tree.
      CREATE TABLE IF NOT EXISTS analytics_daily_bitmaps (
        app_id TEXT NOT NULL, dimension TEXT NOT NULL, day TEXT NOT NULL, value TEXT NOT NULL, devices BLOB NOT NULL, fresh BLOB,
        PRIMARY KEY (app_id, dimension, day, value));
      CREATE INDEX IF NOT EXISTS analytics_daily_bitmaps_platform ON analytics_daily_bitmaps (day) WHERE dimension = '';
    `);
    await initDeviceBitmaps();
  }

  /** Prepared once per SQL text: the rollup and the queries run the same statements many times. */
  private sql(text: string): Database.Statement {
    let statement = this.statements.get(text);
    if (!statement) this.statements.set(text, (statement = this.db.prepare(text)));
    return statement;
  }

  /** The ordinal of each device, assigned (max + 1) to those that have none yet; committed at once, never taken back. */
  private ordinals(deviceIds: Iterable<string>): Map<string, number> {
    const find = this.sql('SELECT ordinal FROM analytics_device_ordinals WHERE device_id = ?').pluck();
    const assign = this.sql('INSERT INTO analytics_device_ordinals (device_id) VALUES (?)');
    const out = new Map<string, number>();
    this.db.transaction(() => {
      for (const id of deviceIds) {
        if (out.has(id)) continue;
        const found = find.get(id) as number | undefined;
        out.set(id, found ?? Number(assign.run(id).lastInsertRowid));
      }
    })();
    return out;
  }

  private writeBitmaps(appId: string, day: string, bitmaps: StoredBitmap[]): void {
    const insert = this.sql('INSERT INTO analytics_daily_bitmaps VALUES (?, ?, ?, ?, ?, ?)');
    for (const b of bitmaps) insert.run(appId, b.dimension, day, b.value, b.devices, b.fresh);
  }

  /**
   * Multi-row statements of APPEND_ROWS events: one claim (RETURNING the ids it took) and one insert per slice
   * instead of two statement runs per event, the per-call cost that dominated the append.
   */
  async append(events: CleanEvent[]): Promise<AppendResult> {
    const claim = (n: number) =>
      this.sql(
        `INSERT OR IGNORE INTO analytics_event_ids (app_id, event_id, day) VALUES ${Array(n).fill('(?, ?, ?)').join(', ')}
         RETURNING app_id, event_id`,
      ).raw();
    const insert = (n: number) =>
      this.sql(
        `INSERT INTO analytics_raw_events VALUES ${Array(n)
          .fill(`(${Array(RAW_COLUMNS.length).fill('?').join(', ')})`)
          .join(', ')}`,
      );
    const seen = this.sql(
      `INSERT INTO analytics_first_seen (app_id, device_id, first_day) VALUES (?, ?, ?)
       ON CONFLICT (app_id, device_id) DO UPDATE SET first_day = excluded.first_day WHERE excluded.first_day < analytics_first_seen.first_day`,
    );
    return this.db.transaction(() => {
      let inserted = 0;
      const firstDays = new Map<string, string>();
      for (let at = 0; at < events.length; at += APPEND_ROWS) {
        const slice = events.slice(at, at + APPEND_ROWS);
        const claimed = new Set(
          (claim(slice.length).all(slice.flatMap((e) => [e.appId, e.eventId, e.day])) as string[][]).map(
            ([appId, eventId]) => `${appId}\u0000${eventId}`,
          ),
        );
        // Set.delete: a duplicate inside the slice was claimed once, so it is stored once.
        const fresh = slice.filter((e) => claimed.delete(`${e.appId}\u0000${e.eventId}`));
        if (fresh.length === 0) continue;
        const values: unknown[] = [];
        for (const e of fresh) {
          values.push(
            e.day,
            e.appId,
            e.eventId,
            e.type,
            e.deviceId,
            e.launchId,
            e.clientTs,
            e.eventTs,
            e.receivedAt,
            e.platform,
            e.versionId,
            e.versionSource,
            e.releasePlanId,
            e.hostAppId,
            e.orgId,
            e.province,
            e.city,
            e.durationMs,
            e.pagePath,
            JSON.stringify(e.attrs),
          );
          // One first-seen upsert per device of the batch (its earliest day), not one per event.
          const k = `${e.appId}\u0000${e.deviceId}`;
          const first = firstDays.get(k);
          if (first === undefined || e.day < first) firstDays.set(k, e.day);
        }
        insert(fresh.length).run(values);
        inserted += fresh.length;
      }
      for (const [k, day] of firstDays) {
        const [appId, deviceId] = k.split('\u0000');
        seen.run(appId, deviceId, day);
      }
      return { inserted, duplicates: events.length - inserted };
    })();
  }

  async events(appId: string, days: string[]): Promise<CleanEvent[]> {
    if (days.length === 0) return [];
    const rows = this.db
      .prepare(
        `SELECT * FROM analytics_raw_events WHERE app_id = ? AND day IN (${days.map(() => '?').join(', ')}) ORDER BY device_id, client_ts, event_id`,
      )
      .all(appId, ...days) as RawRow[];
    return rows.map(rowToEvent);
  }

  async deviceChunk(
    appId: string,
    days: string[],
    firstDay: string,
    after: string | null,
    maxEvents: number,
  ): Promise<DeviceChunk> {
    if (days.length === 0) return { events: [], newDevices: [], last: null };
    const from = after ?? '';
    // The chunk ends at the first device `maxEvents` events further on any of the days (whole devices).
    const bounds = days.map(
      () =>
        '(SELECT device_id FROM analytics_raw_events WHERE app_id = ? AND day = ? AND device_id > ? ORDER BY device_id, client_ts LIMIT 1 OFFSET ?)',
    );
    const { upto } = this.sql(
      `SELECT MIN(b) AS upto FROM (${bounds.map((b) => `SELECT ${b} AS b`).join(' UNION ALL ')})`,
    ).get(...days.flatMap((day) => [appId, day, from, maxEvents])) as { upto: string | null };
    const range = upto === null ? 'device_id > ?' : 'device_id > ? AND device_id <= ?';
    const bound = upto === null ? [from] : [from, upto];
    const rows = this.sql(
      `SELECT ${RAW_COLUMNS.slice(0, -1).join(', ')}, CASE WHEN day = ? THEN attrs ELSE '{}' END AS attrs
         FROM analytics_raw_events WHERE app_id = ? AND day IN (${days.map(() => '?').join(', ')}) AND ${range}
         ORDER BY device_id, client_ts, event_id`,
    ).all(firstDay, appId, ...days, ...bound) as RawRow[];
    if (rows.length === 0) return { events: [], newDevices: [], last: null };
    const fresh = this.sql(
      `SELECT device_id FROM analytics_first_seen WHERE app_id = ? AND first_day = ? AND ${range}`,
    )
      .raw()
      .all(appId, firstDay, ...bound) as Array<[string]>;
    return {
      events: rows.map(rowToEvent),
      newDevices: fresh.map((r) => r[0]),
      last: rows[rows.length - 1].device_id,
    };
  }

  async appsWithEvents(days: string[]): Promise<string[]> {
    if (days.length === 0) return [];
    const rows = this.db
      .prepare(
        `SELECT DISTINCT app_id FROM analytics_raw_events WHERE day IN (${days.map(() => '?').join(', ')}) ORDER BY app_id`,
      )
      .all(...days) as Array<{ app_id: string }>;
    return rows.map((r) => r.app_id);
  }

  async newDevices(appId: string, day: string): Promise<string[]> {
    const rows = this.db
      .prepare('SELECT device_id FROM analytics_first_seen WHERE app_id = ? AND first_day = ?')
      .all(appId, day) as Array<{ device_id: string }>;
    return rows.map((r) => r.device_id);
  }

  async writeDay(
    appId: string,
    day: string,
    rows: DailyRow[],
    devices: DailyDevice[],
    tables: DayTables = { pages: [], buckets: [] },
  ): Promise<void> {
    const writer = await this.beginDay(appId, day, 0);
    await writer.addDevices(devices);
    await writer.commit(rows, tables);
  }

  /** Device rows become ordinals as the chunks come (memory: 4 bytes a device row); the day is swapped in at commit. */
  async beginDay(appId: string, day: string, version: number): Promise<DayWriter> {
    const bitmaps = new DayBitmapBuilder();
    return {
      addDevices: async (devices) => bitmaps.add(devices, this.ordinals(devices.map((d) => d.deviceId))),
      commit: async (rows, tables) => {
        const built = bitmaps.build();
        const insertPage = this.sql('INSERT INTO analytics_daily_pages VALUES (?, ?, ?, ?, ?, ?, ?)');
        const insertBucket = this.sql('INSERT INTO analytics_daily_buckets VALUES (?, ?, ?, ?, ?)');
        const insertRow = this.sql(
          `INSERT INTO analytics_daily VALUES (?, ?, ?, ?, ${METRIC_COLUMNS.map(() => '?').join(', ')})`,
        );
        this.db.transaction(() => {
          for (const table of DAY_TABLES)
            this.sql(`DELETE FROM ${table} WHERE app_id = ? AND day = ?`).run(appId, day);
          for (const p of tables.pages)
            insertPage.run(appId, day, p.pagePath, p.views, p.stayMs, p.entries, p.exits);
          for (const b of tables.buckets) insertBucket.run(appId, day, b.kind, b.bucket, b.launches);
          for (const r of rows)
            insertRow.run(
              appId,
              day,
              r.dimension,
              r.value,
              r.launches,
              r.pageViews,
              r.stayMs,
              r.bounces,
              r.jsErrors,
              r.crashes,
              r.newUsers,
              r.activeUsers,
            );
          this.writeBitmaps(appId, day, built);
          this.touchRetention(appId, day, version);
        })();
      },
      abort: async () => undefined,
    };
  }

  /** Rewrites the retention cells the day's '' bitmap takes part in, and records the day's rollup version. */
  private touchRetention(appId: string, day: string, version: number): void {
    const days = retentionDays(day);
    const stored = this.sql(
      `SELECT day, devices, fresh FROM analytics_daily_bitmaps
       WHERE app_id = ? AND dimension = '' AND value = '' AND day IN (${days.map(() => '?').join(', ')})`,
    ).all(appId, ...days) as Array<{ day: string; devices: Buffer; fresh: Buffer | null }>;
    const drop = this.sql(
      'DELETE FROM analytics_daily_retention WHERE app_id = ? AND cohort_day = ? AND day_offset = ?',
    );
    const insert = this.sql('INSERT INTO analytics_daily_retention VALUES (?, ?, ?, ?, ?)');
    for (const cell of retentionCells(day, new Map(stored.map((b) => [b.day, b])))) {
      drop.run(appId, cell.cohortDay, cell.offset);
      if (cell.active > 0) insert.run(appId, cell.cohortDay, cell.offset, cell.active, cell.fresh);
    }
    this.sql(
      `INSERT INTO analytics_rollup_days (app_id, day, version, computed_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (app_id, day) DO UPDATE SET version = excluded.version, computed_at = excluded.computed_at`,
    ).run(appId, day, version, Date.now());
  }

  async staleDays(version: number, limit: number): Promise<StaleDay[]> {
    return this.db
      .prepare(
        `SELECT app_id AS appId, day, version FROM analytics_rollup_days WHERE version < ? ORDER BY day DESC, app_id LIMIT ?`,
      )
      .all(version, limit) as StaleDay[];
  }

  async refreshRetention(appId: string, day: string, version: number): Promise<void> {
    // A day rolled up before the bitmaps keeps its device rows: they become its bitmaps, once.
    const legacy = this.sql(
      'SELECT dimension, value, device_id AS deviceId, is_new AS isNew FROM analytics_daily_devices WHERE app_id = ? AND day = ?',
    ).all(appId, day) as DailyDevice[];
    const bitmaps = new DayBitmapBuilder();
    bitmaps.add(legacy, this.ordinals(legacy.map((d) => d.deviceId)));
    const built = bitmaps.build();
    this.db.transaction(() => {
      if (legacy.length > 0) {
        this.sql('DELETE FROM analytics_daily_bitmaps WHERE app_id = ? AND day = ?').run(appId, day);
        this.writeBitmaps(appId, day, built);
        this.sql('DELETE FROM analytics_daily_devices WHERE app_id = ? AND day = ?').run(appId, day);
      }
      this.touchRetention(appId, day, version);
    })();
  }

  async daily(appId: string, from: string, to: string, dimension: Dimension): Promise<DailyRow[]> {
    const rows = this.db
      .prepare(
        `SELECT day, dimension, value, launches, page_views AS pageViews, stay_ms AS stayMs, bounces, js_errors AS jsErrors, crashes,
         new_users AS newUsers, active_users AS activeUsers FROM analytics_daily WHERE app_id = ? AND dimension = ? AND day BETWEEN ? AND ? ORDER BY day, value`,
      )
      .all(appId, dimension, from, to) as DailyRow[];
    return rows;
  }

  async distinctDevices(
    appId: string,
    from: string,
    to: string,
    dimension: DeviceDimension,
  ): Promise<Array<{ value: string; active: number }>> {
    return distinctByValue(
      this.sql(
        'SELECT value, devices FROM analytics_daily_bitmaps WHERE app_id = ? AND dimension = ? AND day BETWEEN ? AND ?',
      ).all(appId, dimension, from, to) as Array<{ value: string; devices: Buffer }>,
    );
  }

  async totals(appIds: readonly string[], from: string, to: string): Promise<DailyMetrics> {
    if (appIds.length === 0) return emptyTotals();
    const ids = appIds.map(() => '?').join(', ');
    const sums = this.db
      .prepare(
        `SELECT ${METRIC_COLUMNS.map((c) => `COALESCE(SUM(${c}), 0) AS ${c}`).join(', ')} FROM analytics_daily
         WHERE app_id IN (${ids}) AND dimension = '' AND day BETWEEN ? AND ?`,
      )
      .get(...appIds, from, to) as Record<string, number>;
    const devices = this.sql(
      `SELECT devices FROM analytics_daily_bitmaps WHERE app_id IN (${ids}) AND dimension = '' AND day BETWEEN ? AND ?`,
    )
      .pluck()
      .all(...appIds, from, to) as Buffer[];
    return toTotals(sums, distinctCount(devices));
  }

  async pages(appId: string, from: string, to: string): Promise<DailyPageRow[]> {
    return this.db
      .prepare(
        `SELECT page_path AS pagePath, SUM(views) AS views, SUM(stay_ms) AS stayMs, SUM(entries) AS entries, SUM(exits) AS exits
         FROM analytics_daily_pages WHERE app_id = ? AND day BETWEEN ? AND ? GROUP BY page_path ORDER BY page_path`,
      )
      .all(appId, from, to) as DailyPageRow[];
  }

  async buckets(appId: string, from: string, to: string): Promise<DailyBucketRow[]> {
    return this.db
      .prepare(
        `SELECT kind, bucket, SUM(launches) AS launches FROM analytics_daily_buckets
         WHERE app_id = ? AND day BETWEEN ? AND ? GROUP BY kind, bucket ORDER BY kind, bucket`,
      )
      .all(appId, from, to) as DailyBucketRow[];
  }

  async retention(
    appId: string,
    from: string,
    to: string,
    offsets: readonly number[],
  ): Promise<RetentionCell[]> {
    if (offsets.length === 0) return [];
    checkOffsets(offsets);
    return this.db
      .prepare(
        `SELECT cohort_day AS cohortDay, day_offset AS "offset", active, fresh FROM analytics_daily_retention
         WHERE app_id = ? AND cohort_day BETWEEN ? AND ? AND day_offset IN (${offsets.map(() => '?').join(', ')})
         ORDER BY cohort_day, day_offset`,
      )
      .all(appId, from, to, ...offsets) as RetentionCell[];
  }

  async platformDaily(from: string, to: string): Promise<PlatformDay[]> {
    const launches = this.db
      .prepare(
        `SELECT day, SUM(launches) AS launches FROM analytics_daily WHERE dimension = '' AND day BETWEEN ? AND ? GROUP BY day`,
      )
      .all(from, to) as Array<{ day: string; launches: number }>;
    const bitmaps = this.sql(
      `SELECT day, devices FROM analytics_daily_bitmaps WHERE dimension = '' AND day BETWEEN ? AND ?`,
    ).all(from, to) as Array<{ day: string; devices: Buffer }>;
    const devices = distinctByValue(bitmaps.map((b) => ({ value: b.day, devices: b.devices })));
    return mergePlatformDays(
      launches,
      devices.map((d) => ({ day: d.value, devices: d.active })),
    );
  }

  async platformDistinctDevices(from: string, to: string): Promise<number> {
    return distinctCount(
      this.sql(`SELECT devices FROM analytics_daily_bitmaps WHERE dimension = '' AND day BETWEEN ? AND ?`)
        .pluck()
        .all(from, to) as Buffer[],
    );
  }

  async appendExposures(rows: ExposureRow[]): Promise<AppendResult> {
    const insert = this.db.prepare(
      'INSERT OR IGNORE INTO analytics_exposures VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    return this.db.transaction(() => {
      let inserted = 0;
      for (const r of rows)
        inserted += insert.run(
          r.appId,
          r.day,
          r.deviceId,
          r.planId,
          r.versionId,
          r.versionSource,
          r.ruleId,
          r.hostAppId,
          r.orgId,
          r.servedAt,
        ).changes;
      return { inserted, duplicates: rows.length - inserted };
    })();
  }

  async exposures(appId: string, days: string[]): Promise<ExposureRow[]> {
    if (days.length === 0) return [];
    return this.db
      .prepare(
        `SELECT app_id AS appId, day, device_id AS deviceId, plan_id AS planId, version_id AS versionId, version_source AS versionSource, rule_id AS ruleId,
         host_app_id AS hostAppId, org_id AS orgId, served_at AS servedAt FROM analytics_exposures
         WHERE app_id = ? AND day IN (${days.map(() => '?').join(', ')}) ORDER BY day, device_id, plan_id, version_id`,
      )
      .all(appId, ...days) as ExposureRow[];
  }

  async pruneBefore(day: string): Promise<number> {
    return this.db.transaction(() => {
      this.db.prepare('DELETE FROM analytics_exposures WHERE day < ?').run(day);
      const days = (
        this.db
          .prepare('SELECT COUNT(DISTINCT day) AS n FROM analytics_raw_events WHERE day < ?')
          .get(day) as { n: number }
      ).n;
      this.db.prepare('DELETE FROM analytics_raw_events WHERE day < ?').run(day);
      this.db.prepare('DELETE FROM analytics_event_ids WHERE day < ?').run(day);
      return days;
    })();
  }

  async ping(): Promise<void> {
    this.db.prepare('SELECT 1').get();
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}
