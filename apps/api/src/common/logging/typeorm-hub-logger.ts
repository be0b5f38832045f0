import { Logger } from '@nestjs/common';
import type { Logger as TypeormLogger } from 'typeorm';
import { LOG_CAUSE } from './hub-logger';
import { serializeError } from './safe-error';

const SQL_LIMIT = 2_000;

/**
 * TypeORM's logging through the hub's logger. A failed query logs its SQL (parameterized, so no values), the
 * SQLSTATE and where it failed; never its parameters, which hold names, addresses and whatever else the row
 * carries. Successful queries and migration steps are not logged.
 */
export class TypeormHubLogger implements TypeormLogger {
  private readonly out = new Logger('Database');

  constructor(private readonly enabled: boolean) {}

  logQuery(): void {}

  logQueryError(error: string | Error, query: string): void {
    if (!this.enabled) return;
    const sql = query.replace(/\s+/g, ' ').trim();
    const err = typeof error === 'string' ? { type: 'Error', message: error } : serializeError(error);
    this.out.error({
      msg: 'Query failed',
      sql: sql.length > SQL_LIMIT ? `${sql.slice(0, SQL_LIMIT)}…` : sql,
      code: err.code,
      error: { type: err.type, message: err.message, constraint: err.constraint, table: err.table, column: err.column },
      [LOG_CAUSE]: `query failed ${String(err.code)} ${sql.slice(0, 80)}`,
    });
  }

  logQuerySlow(): void {}

  logSchemaBuild(): void {}

  logMigration(): void {}

  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (!this.enabled) return;
    if (level === 'warn') this.out.warn(String(message));
  }
}
