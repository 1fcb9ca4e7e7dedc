import { Pool, type PoolClient } from 'pg';
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
  DistributionKind,
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
  touchedCells,
  type RawRow,
} from './analytics-rows';

const DUPLICATE_TABLE = '42P07';
const UNIQUE_VIOLATION = '23505';

export interface PostgresAnalyticsStoreOptions {
  url: string;
  /** Default `public`; tests use one schema per run. */
  schema?: string;
  maxConnections?: number;
}

/**
 * Standard profile: raw events in a table declaratively partitioned by reporting day (one partition per day, created
 * on first use), so retention drops whole partitions (ADR 0010). Idempotency keys and rollups are plain tables.
 */
export class PostgresAnalyticsStore implements AnalyticsStore {
  readonly driver = 'postgres' as const;
  private readonly pool: Pool;
  private readonly schema: string;
  private readonly partitions = new Set<string>();

  constructor(options: PostgresAnalyticsStoreOptions) {
    this.schema = options.schema ?? 'public';
    if (!/^[a-z_][a-z0-9_]{0,62}$/.test(this.schema))
      throw new Error(`Invalid PostgreSQL schema name ${this.schema}`);
    this.pool = new Pool({
      connectionString: options.url,
      max: options.maxConnections ?? 5,
      connectionTimeoutMillis: 5000,
    });
  }

  private t(name: string): string {
    return `"${this.schema}".${name}`;
  }

  async init(): Promise<void> {
    await this.withClient(async (c) => {
      // Several services may start together: serialize the DDL on an advisory lock.
      await c.query('BEGIN');
      await c.query("SELECT pg_advisory_xact_lock(hashtext('grove-analytics-schema'))");
      await c.query(`CREATE SCHEMA IF NOT EXISTS "${this.schema}"`);
      await c.query(`CREATE TABLE IF NOT EXISTS ${this.t('analytics_raw_events')} (
        day DATE NOT NULL, app_id TEXT NOT NULL, event_id TEXT NOT NULL, type TEXT NOT NULL, device_id TEXT NOT NULL,
        launch_id TEXT NOT NULL, client_ts BIGINT NOT NULL, event_ts BIGINT NOT NULL, received_at BIGINT NOT NULL,
        platform TEXT NOT NULL, version_id TEXT, version_source TEXT, release_plan_id TEXT, host_app_id TEXT NOT NULL,
        org_id TEXT NOT NULL, province TEXT, city TEXT, duration_ms BIGINT, page_path TEXT, attrs JSONB NOT NULL
      ) PARTITION BY RANGE (day)`);
      await c.query(
        `CREATE INDEX IF NOT EXISTS analytics_raw_events_app_day ON ${this.t('analytics_raw_events')} (app_id, day, device_id, client_ts)`,
      );
      await c.query(
        `CREATE TABLE IF NOT EXISTS ${this.t('analytics_event_ids')} (app_id TEXT NOT NULL, event_id TEXT NOT NULL, day DATE NOT NULL, PRIMARY KEY (app_id, event_id))`,
      );
      await c.query(
        `CREATE INDEX IF NOT EXISTS analytics_event_ids_day ON ${this.t('analytics_event_ids')} (day)`,
      );
      await c.query(
        `CREATE TABLE IF NOT EXISTS ${this.t('analytics_first_seen')} (app_id TEXT NOT NULL, device_id TEXT NOT NULL, first_day DATE NOT NULL, PRIMARY KEY (app_id, device_id))`,
      );
      await c.query(
        `CREATE INDEX IF NOT EXISTS analytics_first_seen_day ON ${this.t('analytics_first_seen')} (app_id, first_day)`,
      );
      await c.query(`CREATE TABLE IF NOT EXISTS ${this.t('analytics_daily')} (
        app_id TEXT NOT NULL, day DATE NOT NULL, dimension TEXT NOT NULL, value TEXT NOT NULL,
        ${METRIC_COLUMNS.map((col) => `${col} BIGINT NOT NULL`).join(', ')}, PRIMARY KEY (app_id, day, dimension, value))`);
      await c.query(`CREATE TABLE IF NOT EXISTS ${this.t('analytics_daily_devices')} (
        app_id TEXT NOT NULL, day DATE NOT NULL, dimension TEXT NOT NULL, value TEXT NOT NULL, device_id TEXT NOT NULL, is_new BOOLEAN NOT NULL,
        PRIMARY KEY (app_id, dimension, day, value, device_id))`);
      await c.query(
        `CREATE INDEX IF NOT EXISTS analytics_daily_devices_platform ON ${this.t('analytics_daily_devices')} (day, device_id) WHERE dimension = ''`,
      );
      await c.query(`CREATE TABLE IF NOT EXISTS ${this.t('analytics_daily_pages')} (
        app_id TEXT NOT NULL, day DATE NOT NULL, page_path TEXT NOT NULL, views BIGINT NOT NULL, stay_ms BIGINT NOT NULL,
        entries BIGINT NOT NULL, exits BIGINT NOT NULL, PRIMARY KEY (app_id, day, page_path))`);
      await c.query(`CREATE TABLE IF NOT EXISTS ${this.t('analytics_daily_buckets')} (
        app_id TEXT NOT NULL, day DATE NOT NULL, kind TEXT NOT NULL, bucket TEXT NOT NULL, launches BIGINT NOT NULL,
        PRIMARY KEY (app_id, day, kind, bucket))`);
      await c.query(`CREATE TABLE IF NOT EXISTS ${this.t('analytics_exposures')} (
        app_id TEXT NOT NULL, day DATE NOT NULL, device_id TEXT NOT NULL, plan_id TEXT NOT NULL, version_id TEXT NOT NULL,
        version_source TEXT NOT NULL, rule_id TEXT, host_app_id TEXT NOT NULL, org_id TEXT NOT NULL, served_at BIGINT NOT NULL,
        PRIMARY KEY (app_id, day, device_id, plan_id, version_id)
      ) PARTITION BY RANGE (day)`);
      await c.query(`CREATE TABLE IF NOT EXISTS ${this.t('analytics_daily_retention')} (
        app_id TEXT NOT NULL, cohort_day DATE NOT NULL, day_offset INTEGER NOT NULL, active BIGINT NOT NULL, fresh BIGINT NOT NULL,
        PRIMARY KEY (app_id, cohort_day, day_offset))`);
      await c.query(`CREATE TABLE IF NOT EXISTS ${this.t('analytics_rollup_days')} (
        app_id TEXT NOT NULL, day DATE NOT NULL, version INTEGER NOT NULL, computed_at BIGINT NOT NULL, PRIMARY KEY (app_id, day))`);
      await c.query(
        `CREATE INDEX IF NOT EXISTS analytics_rollup_days_version ON ${this.t('analytics_rollup_days')} (version, day)`,
      );
      // Days rolled up before versions were kept: version 0, so the pipeline brings them up to date.
      await c.query(
        `INSERT INTO ${this.t('analytics_rollup_days')} (app_id, day, version, computed_at)
         SELECT app_id, day, 0, 0 FROM ${this.t('analytics_daily')} WHERE dimension = '' AND value = '' ON CONFLICT DO NOTHING`,
      );
      await c.query('COMMIT');
    });
  }

  private async ensurePartition(c: PoolClient, day: string, parent = 'analytics_raw_events'): Promise<void> {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) throw new Error(`Invalid reporting day ${day}`);
    if (this.partitions.has(`${parent}:${day}`)) return;
    const name = `${parent}_${day.replace(/-/g, '')}`;
    try {
      await c.query(
        `CREATE TABLE IF NOT EXISTS ${this.t(name)} PARTITION OF ${this.t(parent)} FOR VALUES FROM ('${day}') TO ('${day}'::date + 1)`,
      );
    } catch (error) {
      // Another process created it between IF NOT EXISTS and CREATE.
      const code = (error as { code?: string }).code;
      if (code !== DUPLICATE_TABLE && code !== UNIQUE_VIOLATION) throw error;
    }
    this.partitions.add(`${parent}:${day}`);
  }

  async appendExposures(rows: ExposureRow[]): Promise<AppendResult> {
    if (rows.length === 0) return { inserted: 0, duplicates: 0 };
    return this.withClient(async (c) => {
      for (const day of new Set(rows.map((r) => r.day)))
        await this.ensurePartition(c, day, 'analytics_exposures');
      const col = <K extends keyof ExposureRow>(k: K) => rows.map((r) => r[k]);
      const { rowCount } = await c.query(
        `INSERT INTO ${this.t('analytics_exposures')} (app_id, day, device_id, plan_id, version_id, version_source, rule_id, host_app_id, org_id, served_at)
         SELECT * FROM unnest($1::text[], $2::date[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::bigint[])
         ON CONFLICT DO NOTHING`,
        [
          col('appId'),
          col('day'),
          col('deviceId'),
          col('planId'),
          col('versionId'),
          col('versionSource'),
          col('ruleId'),
          col('hostAppId'),
          col('orgId'),
          col('servedAt'),
        ],
      );
      const inserted = rowCount ?? 0;
      return { inserted, duplicates: rows.length - inserted };
    });
  }

  async exposures(appId: string, days: string[]): Promise<ExposureRow[]> {
    if (days.length === 0) return [];
    const { rows } = await this.pool.query<Record<string, string | null>>(
      `SELECT app_id, day::text AS day, device_id, plan_id, version_id, version_source, rule_id, host_app_id, org_id, served_at FROM ${this.t('analytics_exposures')}
       WHERE app_id = $1 AND day = ANY($2::date[]) ORDER BY day, device_id COLLATE "C", plan_id COLLATE "C", version_id COLLATE "C"`,
      [appId, days],
    );
    return rows.map((r) => ({
      appId: r.app_id!,
      day: r.day!,
      deviceId: r.device_id!,
      planId: r.plan_id!,
      versionId: r.version_id!,
      versionSource: r.version_source as ExposureRow['versionSource'],
      ruleId: r.rule_id,
      hostAppId: r.host_app_id!,
      orgId: r.org_id!,
      servedAt: Number(r.served_at),
    }));
  }

  async append(events: CleanEvent[]): Promise<AppendResult> {
    if (events.length === 0) return { inserted: 0, duplicates: 0 };
    // Partitions are created outside the transaction so a concurrent creator cannot abort it.
    await this.withClient(async (c) => {
      for (const day of new Set(events.map((e) => e.day))) await this.ensurePartition(c, day);
    });
    return this.withClient(async (c) => {
      await c.query('BEGIN');
      try {
        const claimed = await c.query<{ event_id: string; app_id: string }>(
          `INSERT INTO ${this.t('analytics_event_ids')} (app_id, event_id, day)
           SELECT * FROM unnest($1::text[], $2::text[], $3::date[]) ON CONFLICT DO NOTHING RETURNING app_id, event_id`,
          [events.map((e) => e.appId), events.map((e) => e.eventId), events.map((e) => e.day)],
        );
        const fresh = new Set(claimed.rows.map((r) => `${r.app_id}\u0000${r.event_id}`));
        const rows = events.filter((e) => fresh.delete(`${e.appId}\u0000${e.eventId}`));
        // At most 1,000 rows per INSERT: PostgreSQL binds at most 65,535 parameters (20 a row).
        for (let at = 0; at < rows.length; at += 1_000) {
          const values: unknown[] = [];
          const tuples = rows.slice(at, at + 1_000).map((e, i) => {
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
            return `(${RAW_COLUMNS.map((_, j) => `$${i * RAW_COLUMNS.length + j + 1}`).join(', ')})`;
          });
          await c.query(
            `INSERT INTO ${this.t('analytics_raw_events')} (${RAW_COLUMNS.join(', ')}) VALUES ${tuples.join(', ')}`,
            values,
          );
        }
        if (rows.length > 0) {
          await c.query(
            `INSERT INTO ${this.t('analytics_first_seen')} AS s (app_id, device_id, first_day)
             SELECT app_id, device_id, MIN(day) FROM unnest($1::text[], $2::text[], $3::date[]) AS x(app_id, device_id, day) GROUP BY app_id, device_id
             ON CONFLICT (app_id, device_id) DO UPDATE SET first_day = LEAST(s.first_day, excluded.first_day)`,
            [rows.map((e) => e.appId), rows.map((e) => e.deviceId), rows.map((e) => e.day)],
          );
        }
        await c.query('COMMIT');
        return { inserted: rows.length, duplicates: events.length - rows.length };
      } catch (error) {
        await c.query('ROLLBACK');
        throw error;
      }
    });
  }

  async events(appId: string, days: string[]): Promise<CleanEvent[]> {
    if (days.length === 0) return [];
    const { rows } = await this.pool.query<RawRow>(
      `SELECT day::text AS day, ${RAW_COLUMNS.slice(1).join(', ')} FROM ${this.t('analytics_raw_events')}
       WHERE app_id = $1 AND day = ANY($2::date[]) ORDER BY device_id COLLATE "C", client_ts, event_id COLLATE "C"`,
      [appId, days],
    );
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
    // The chunk ends at the first device `maxEvents` events further on any of the days (whole devices); one
    // subquery per day so each reads one partition's index.
    const bounds = days.map(
      (_, i) =>
        `(SELECT device_id FROM ${this.t('analytics_raw_events')} WHERE app_id = $1 AND day = $${i + 4}::date AND device_id > $2
          ORDER BY device_id, client_ts OFFSET $3 LIMIT 1)`,
    );
    const bound = await this.pool.query<{ upto: string | null }>(
      `SELECT MIN(b) AS upto FROM (${bounds.map((b) => `SELECT ${b} AS b`).join(' UNION ALL ')}) x`,
      [appId, from, maxEvents, ...days],
    );
    const upto = bound.rows[0]?.upto ?? null;
    const range = upto === null ? 'device_id > $2' : 'device_id > $2 AND device_id <= $3';
    const params = upto === null ? [appId, from] : [appId, from, upto];
    const { rows } = await this.pool.query<RawRow>(
      `SELECT day::text AS day, ${RAW_COLUMNS.slice(1, -1).join(', ')},
         CASE WHEN day = $${params.length + 2}::date THEN attrs ELSE '{}'::jsonb END AS attrs FROM ${this.t('analytics_raw_events')}
       WHERE app_id = $1 AND ${range} AND day = ANY($${params.length + 1}::date[])
       ORDER BY device_id, client_ts, event_id COLLATE "C"`,
      [...params, days, firstDay],
    );
    if (rows.length === 0) return { events: [], newDevices: [], last: null };
    const fresh = await this.pool.query<{ device_id: string }>(
      `SELECT device_id FROM ${this.t('analytics_first_seen')} WHERE app_id = $1 AND ${range} AND first_day = $${params.length + 1}`,
      [...params, firstDay],
    );
    return {
      events: rows.map(rowToEvent),
      newDevices: fresh.rows.map((r) => r.device_id),
      last: rows[rows.length - 1].device_id,
    };
  }

  async appsWithEvents(days: string[]): Promise<string[]> {
    if (days.length === 0) return [];
    const { rows } = await this.pool.query<{ app_id: string }>(
      `SELECT DISTINCT app_id FROM ${this.t('analytics_raw_events')} WHERE day = ANY($1::date[]) ORDER BY app_id`,
      [days],
    );
    return rows.map((r) => r.app_id);
  }

  async newDevices(appId: string, day: string): Promise<string[]> {
    const { rows } = await this.pool.query<{ device_id: string }>(
      `SELECT device_id FROM ${this.t('analytics_first_seen')} WHERE app_id = $1 AND first_day = $2`,
      [appId, day],
    );
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

  /**
   * One transaction on its own connection for the whole day: the old device rows go first, chunks of device rows
   * are inserted as they come (readers keep seeing the old day until COMMIT); writers of the same day queue on an
   * advisory lock, so two passes never interleave their rows.
   */
  async beginDay(appId: string, day: string, version: number): Promise<DayWriter> {
    const c = await this.pool.connect();
    let open = true;
    const finish = async (sql: 'COMMIT' | 'ROLLBACK') => {
      if (!open) return;
      open = false;
      try {
        await c.query(sql);
      } finally {
        c.release();
      }
    };
    const fail = async (error: unknown): Promise<never> => {
      if (open) {
        open = false;
        await c.query('ROLLBACK').catch(() => undefined);
        c.release();
      }
      throw error;
    };
    try {
      await c.query('BEGIN');
      await c.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`grove-analytics-day:${appId}:${day}`]);
      await c.query(`DELETE FROM ${this.t('analytics_daily_devices')} WHERE app_id = $1 AND day = $2`, [
        appId,
        day,
      ]);
    } catch (error) {
      return fail(error);
    }
    return {
      addDevices: async (devices) => {
        if (devices.length === 0) return;
        await c
          .query(
            `INSERT INTO ${this.t('analytics_daily_devices')} (app_id, day, dimension, value, device_id, is_new)
             SELECT $1, $2::date, * FROM unnest($3::text[], $4::text[], $5::text[], $6::boolean[])`,
            [
              appId,
              day,
              devices.map((d) => d.dimension),
              devices.map((d) => d.value),
              devices.map((d) => d.deviceId),
              devices.map((d) => d.isNew),
            ],
          )
          .catch(fail);
      },
      commit: async (rows, tables) => {
        try {
          await this.writeTables(c, appId, day, rows, tables);
          await this.touchRetention(c, appId, day, version);
        } catch (error) {
          await fail(error);
        }
        await finish('COMMIT');
      },
      abort: () => finish('ROLLBACK'),
    };
  }

  private async writeTables(
    c: PoolClient,
    appId: string,
    day: string,
    rows: DailyRow[],
    tables: DayTables,
  ): Promise<void> {
    for (const table of ['analytics_daily', 'analytics_daily_pages', 'analytics_daily_buckets'])
      await c.query(`DELETE FROM ${this.t(table)} WHERE app_id = $1 AND day = $2`, [appId, day]);
    if (tables.pages.length > 0)
      await c.query(
        `INSERT INTO ${this.t('analytics_daily_pages')} (app_id, day, page_path, views, stay_ms, entries, exits)
         SELECT $1, $2::date, * FROM unnest($3::text[], $4::bigint[], $5::bigint[], $6::bigint[], $7::bigint[])`,
        [
          appId,
          day,
          tables.pages.map((p) => p.pagePath),
          tables.pages.map((p) => p.views),
          tables.pages.map((p) => p.stayMs),
          tables.pages.map((p) => p.entries),
          tables.pages.map((p) => p.exits),
        ],
      );
    if (tables.buckets.length > 0)
      await c.query(
        `INSERT INTO ${this.t('analytics_daily_buckets')} (app_id, day, kind, bucket, launches)
         SELECT $1, $2::date, * FROM unnest($3::text[], $4::text[], $5::bigint[])`,
        [
          appId,
          day,
          tables.buckets.map((b) => b.kind),
          tables.buckets.map((b) => b.bucket),
          tables.buckets.map((b) => b.launches),
        ],
      );
    if (rows.length > 0) {
      const col = (pick: (r: DailyRow) => unknown) => rows.map(pick);
      await c.query(
        `INSERT INTO ${this.t('analytics_daily')} (app_id, day, dimension, value, ${METRIC_COLUMNS.join(', ')})
         SELECT $1, $2::date, * FROM unnest($3::text[], $4::text[], $5::bigint[], $6::bigint[], $7::bigint[], $8::bigint[], $9::bigint[], $10::bigint[], $11::bigint[], $12::bigint[])`,
        [
          appId,
          day,
          col((r) => r.dimension),
          col((r) => r.value),
          col((r) => r.launches),
          col((r) => r.pageViews),
          col((r) => r.stayMs),
          col((r) => r.bounces),
          col((r) => r.jsErrors),
          col((r) => r.crashes),
          col((r) => r.newUsers),
          col((r) => r.activeUsers),
        ],
      );
    }
  }

  /** Rewrites the retention cells the day's device rows take part in, and records the day's rollup version. */
  private async touchRetention(c: PoolClient, appId: string, day: string, version: number): Promise<void> {
    const cells = touchedCells(day);
    const params = [
      appId,
      cells.map((x) => x.cohortDay),
      cells.map((x) => x.offset),
      cells.map((x) => x.laterDay),
    ];
    await c.query(
      `DELETE FROM ${this.t('analytics_daily_retention')} r USING unnest($2::date[], $3::int[], $4::date[]) AS x(cohort_day, day_offset, later_day)
       WHERE r.app_id = $1 AND r.cohort_day = x.cohort_day AND r.day_offset = x.day_offset`,
      params,
    );
    await c.query(
      `INSERT INTO ${this.t('analytics_daily_retention')} (app_id, cohort_day, day_offset, active, fresh)
       SELECT $1, x.cohort_day, x.day_offset, n.active, n.fresh
       FROM unnest($2::date[], $3::int[], $4::date[]) AS x(cohort_day, day_offset, later_day)
       CROSS JOIN LATERAL (
         SELECT COUNT(*) AS active, COUNT(*) FILTER (WHERE c.is_new) AS fresh FROM ${this.t('analytics_daily_devices')} c
         JOIN ${this.t('analytics_daily_devices')} r ON r.app_id = c.app_id AND r.dimension = '' AND r.day = x.later_day AND r.value = '' AND r.device_id = c.device_id
         WHERE c.app_id = $1 AND c.dimension = '' AND c.day = x.cohort_day AND c.value = ''
       ) n WHERE n.active > 0`,
      params,
    );
    await c.query(
      `INSERT INTO ${this.t('analytics_rollup_days')} (app_id, day, version, computed_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (app_id, day) DO UPDATE SET version = excluded.version, computed_at = excluded.computed_at`,
      [appId, day, version, Date.now()],
    );
  }

  async staleDays(version: number, limit: number): Promise<StaleDay[]> {
    const { rows } = await this.pool.query<{ app_id: string; day: string; version: number }>(
      `SELECT app_id, day::text AS day, version FROM ${this.t('analytics_rollup_days')} WHERE version < $1
       ORDER BY day DESC, app_id COLLATE "C" LIMIT $2`,
      [version, limit],
    );
    return rows.map((r) => ({ appId: r.app_id, day: r.day, version: r.version }));
  }

  async refreshRetention(appId: string, day: string, version: number): Promise<void> {
    await this.withClient(async (c) => {
      await c.query('BEGIN');
      try {
        await c.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`grove-analytics-day:${appId}:${day}`]);
        await this.touchRetention(c, appId, day, version);
        await c.query('COMMIT');
      } catch (error) {
        await c.query('ROLLBACK');
        throw error;
      }
    });
  }

  async daily(appId: string, from: string, to: string, dimension: Dimension): Promise<DailyRow[]> {
    const { rows } = await this.pool.query<Record<string, string>>(
      `SELECT day::text AS day, dimension, value, ${METRIC_COLUMNS.join(', ')} FROM ${this.t('analytics_daily')}
       WHERE app_id = $1 AND dimension = $2 AND day BETWEEN $3 AND $4 ORDER BY day, value COLLATE "C"`,
      [appId, dimension, from, to],
    );
    return rows.map((r) => ({
      day: r.day,
      dimension: r.dimension as Dimension,
      value: r.value,
      launches: Number(r.launches),
      pageViews: Number(r.page_views),
      stayMs: Number(r.stay_ms),
      bounces: Number(r.bounces),
      jsErrors: Number(r.js_errors),
      crashes: Number(r.crashes),
      newUsers: Number(r.new_users),
      activeUsers: Number(r.active_users),
    }));
  }

  async distinctDevices(
    appId: string,
    from: string,
    to: string,
    dimension: DeviceDimension,
  ): Promise<Array<{ value: string; active: number }>> {
    const { rows } = await this.pool.query<{ value: string; active: string }>(
      `SELECT value, COUNT(DISTINCT device_id) AS active FROM ${this.t('analytics_daily_devices')}
       WHERE app_id = $1 AND dimension = $2 AND day BETWEEN $3 AND $4 GROUP BY value ORDER BY value COLLATE "C"`,
      [appId, dimension, from, to],
    );
    return rows.map((r) => ({ value: r.value, active: Number(r.active) }));
  }

  async totals(appIds: readonly string[], from: string, to: string): Promise<DailyMetrics> {
    if (appIds.length === 0) return emptyTotals();
    const [sums, devices] = await Promise.all([
      this.pool.query<Record<string, string>>(
        `SELECT ${METRIC_COLUMNS.map((c) => `COALESCE(SUM(${c}), 0) AS ${c}`).join(', ')} FROM ${this.t('analytics_daily')}
         WHERE app_id = ANY($1::text[]) AND dimension = '' AND day BETWEEN $2 AND $3`,
        [appIds, from, to],
      ),
      this.pool.query<{ n: string }>(
        `SELECT COUNT(DISTINCT device_id) AS n FROM ${this.t('analytics_daily_devices')}
         WHERE app_id = ANY($1::text[]) AND dimension = '' AND day BETWEEN $2 AND $3`,
        [appIds, from, to],
      ),
    ]);
    return toTotals(sums.rows[0], devices.rows[0]?.n ?? 0);
  }

  async pages(appId: string, from: string, to: string): Promise<DailyPageRow[]> {
    const { rows } = await this.pool.query<Record<string, string>>(
      `SELECT page_path, SUM(views) AS views, SUM(stay_ms) AS stay_ms, SUM(entries) AS entries, SUM(exits) AS exits
       FROM ${this.t('analytics_daily_pages')} WHERE app_id = $1 AND day BETWEEN $2 AND $3
       GROUP BY page_path ORDER BY page_path COLLATE "C"`,
      [appId, from, to],
    );
    return rows.map((r) => ({
      pagePath: r.page_path,
      views: Number(r.views),
      stayMs: Number(r.stay_ms),
      entries: Number(r.entries),
      exits: Number(r.exits),
    }));
  }

  async buckets(appId: string, from: string, to: string): Promise<DailyBucketRow[]> {
    const { rows } = await this.pool.query<{ kind: string; bucket: string; launches: string }>(
      `SELECT kind, bucket, SUM(launches) AS launches FROM ${this.t('analytics_daily_buckets')}
       WHERE app_id = $1 AND day BETWEEN $2 AND $3 GROUP BY kind, bucket ORDER BY kind COLLATE "C", bucket COLLATE "C"`,
      [appId, from, to],
    );
    return rows.map((r) => ({
      kind: r.kind as DistributionKind,
      bucket: r.bucket,
      launches: Number(r.launches),
    }));
  }

  async retention(
    appId: string,
    from: string,
    to: string,
    offsets: readonly number[],
  ): Promise<RetentionCell[]> {
    if (offsets.length === 0) return [];
    checkOffsets(offsets);
    const { rows } = await this.pool.query<{
      cohort_day: string;
      day_offset: number;
      active: string;
      fresh: string;
    }>(
      `SELECT cohort_day::text AS cohort_day, day_offset, active, fresh FROM ${this.t('analytics_daily_retention')}
       WHERE app_id = $1 AND cohort_day BETWEEN $2 AND $3 AND day_offset = ANY($4::int[]) ORDER BY cohort_day, day_offset`,
      [appId, from, to, offsets],
    );
    return rows.map((r) => ({
      cohortDay: r.cohort_day,
      offset: r.day_offset,
      active: Number(r.active),
      fresh: Number(r.fresh),
    }));
  }

  async platformDaily(from: string, to: string): Promise<PlatformDay[]> {
    const [launches, devices] = await Promise.all([
      this.pool.query<{ day: string; launches: string }>(
        `SELECT day::text AS day, SUM(launches) AS launches FROM ${this.t('analytics_daily')} WHERE dimension = '' AND day BETWEEN $1 AND $2 GROUP BY day`,
        [from, to],
      ),
      this.pool.query<{ day: string; devices: string }>(
        `SELECT day::text AS day, COUNT(DISTINCT device_id) AS devices FROM ${this.t('analytics_daily_devices')} WHERE dimension = '' AND day BETWEEN $1 AND $2 GROUP BY day`,
        [from, to],
      ),
    ]);
    return mergePlatformDays(
      launches.rows.map((r) => ({ day: r.day, launches: Number(r.launches) })),
      devices.rows.map((r) => ({ day: r.day, devices: Number(r.devices) })),
    );
  }

  async platformDistinctDevices(from: string, to: string): Promise<number> {
    const { rows } = await this.pool.query<{ n: string }>(
      `SELECT COUNT(DISTINCT device_id) AS n FROM ${this.t('analytics_daily_devices')} WHERE dimension = '' AND day BETWEEN $1 AND $2`,
      [from, to],
    );
    return Number(rows[0]?.n ?? 0);
  }

  async pruneBefore(day: string): Promise<number> {
    const { rows } = await this.pool.query<{ name: string; upper: string }>(
      `SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid JOIN pg_class p ON p.oid = i.inhparent
       JOIN pg_namespace n ON n.oid = p.relnamespace WHERE p.relname = 'analytics_raw_events' AND n.nspname = $1`,
      [this.schema],
    );
    const cutoff = `analytics_raw_events_${day.replace(/-/g, '')}`;
    const old = rows
      .map((r) => r.name)
      .filter((name) => /^analytics_raw_events_\d{8}$/.test(name) && name < cutoff);
    for (const name of old) {
      await this.pool.query(`DROP TABLE IF EXISTS ${this.t(name)}`);
      this.partitions.delete(
        `analytics_raw_events:${name.slice(-8, -4)}-${name.slice(-4, -2)}-${name.slice(-2)}`,
      );
    }
    await this.dropExposurePartitionsBefore(day);
    await this.pool.query(`DELETE FROM ${this.t('analytics_event_ids')} WHERE day < $1`, [day]);
    return old.length;
  }

  private async dropExposurePartitionsBefore(day: string): Promise<void> {
    const { rows } = await this.pool.query<{ name: string }>(
      `SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid JOIN pg_class p ON p.oid = i.inhparent
       JOIN pg_namespace n ON n.oid = p.relnamespace WHERE p.relname = 'analytics_exposures' AND n.nspname = $1`,
      [this.schema],
    );
    const cutoff = `analytics_exposures_${day.replace(/-/g, '')}`;
    for (const name of rows
      .map((r) => r.name)
      .filter((n) => /^analytics_exposures_\d{8}$/.test(n) && n < cutoff)) {
      await this.pool.query(`DROP TABLE IF EXISTS ${this.t(name)}`);
      this.partitions.delete(
        `analytics_exposures:${name.slice(-8, -4)}-${name.slice(-4, -2)}-${name.slice(-2)}`,
      );
    }
  }

  async ping(): Promise<void> {
    await this.pool.query('SELECT 1');
  }

  async close(): Promise<void> {
    await this.pool.end();
  }

  private async withClient<T>(work: (c: PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      return await work(client);
    } finally {
      client.release();
    }
  }
}
