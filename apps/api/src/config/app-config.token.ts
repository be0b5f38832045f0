import { Inject } from '@nestjs/common';

export const APP_CONFIG = Symbol('APP_CONFIG');
export const InjectConfig = () => Inject(APP_CONFIG);

/** The database the process runs on (a PostgreSQL server, or PGlite started in-process); database/ starts it. */
export interface RunningDatabase {
  url: string;
  kind: 'pglite' | 'postgres';
  /** Connections the pool may open: PGlite serves one session at a time. */
  poolSize: number;
  stop(): Promise<void>;
}

export const RUNNING_DATABASE = Symbol('RUNNING_DATABASE');
export const InjectRunningDatabase = () => Inject(RUNNING_DATABASE);
