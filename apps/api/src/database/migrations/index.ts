import type { MigrationInterface } from 'typeorm';
import { Initial1795395245345 } from './1795395245345-Initial';

/** Every migration, oldest first. */
export const MIGRATIONS: (new () => MigrationInterface)[] = [Initial1795395245345];
