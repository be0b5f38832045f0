import { Query, Resolver } from '@nestjs/graphql';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Public } from 'src/modules/auth/roles.decorator';
import { InjectRunningDatabase, type RunningDatabase } from 'src/config/app-config.token';
import { HealthType } from './health.type';
import { HUB_VERSION } from 'src/api-root';
import { FieldCost, fixedComplexity } from 'src/common/graphql/cost-limit';

@Resolver(() => HealthType)
export class HealthResolver {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @InjectRunningDatabase() private readonly database: RunningDatabase,
  ) {}

  @Public()
  @Query(() => HealthType, { complexity: fixedComplexity(FieldCost.LOOKUP) })
  async health(): Promise<HealthType> {
    let up = true;
    try {
      await this.ds.query('SELECT 1');
    } catch {
      up = false;
    }
    return { ok: up, database: up ? 'up' : 'down', databaseKind: this.database.kind, version: HUB_VERSION };
  }
}
