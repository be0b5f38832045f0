import { Global, Module, type DynamicModule } from '@nestjs/common';
import type { AppConfig } from './app-config';
import { APP_CONFIG, RUNNING_DATABASE, type RunningDatabase } from './app-config.token';

/** Makes the boot-time configuration and database handle injectable everywhere. */
@Global()
@Module({})
export class CoreModule {
  static register(config: AppConfig, database: RunningDatabase): DynamicModule {
    return {
      module: CoreModule,
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: RUNNING_DATABASE, useValue: database },
      ],
      exports: [APP_CONFIG, RUNNING_DATABASE],
    };
  }
}
