import { Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { AppConfig } from './config/app-config';
import { CoreModule } from './config/core.module';
import type { RunningDatabase } from './database/embedded-postgres';
import { typeormOptions } from './database/typeorm-options';
import { AuditModule } from './modules/audit/audit.module';

/**
 * What a worker process loads: configuration, the database and the services jobs call, without HTTP or
 * GraphQL. Job processors register here as the features that need them arrive (order sync, outbox delivery).
 */
@Module({})
export class WorkerModule {
  static register(config: AppConfig, database: RunningDatabase): DynamicModule {
    return {
      module: WorkerModule,
      imports: [CoreModule.register(config, database), TypeOrmModule.forRoot(typeormOptions(database.url, database.poolSize, config.logLevel !== 'silent')), AuditModule],
    };
  }
}
