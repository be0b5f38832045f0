import { Context, Query, Resolver } from '@nestjs/graphql';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Public } from 'src/modules/auth/roles.decorator';
import { authenticateRequest, RequestAuthenticator } from 'src/modules/auth/request-authentication';
import { InjectConfig, InjectRunningDatabase, type RunningDatabase } from 'src/config/app-config.token';
import type { AppConfig } from 'src/config/app-config';
import type { GraphqlContext } from 'src/common/graphql/graphql-context';
import { HealthType } from './health.type';
import { HUB_VERSION } from 'src/api-root';
import { FieldCost, fixedComplexity } from 'src/common/graphql/cost-limit';

@Resolver(() => HealthType)
export class HealthResolver {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @InjectRunningDatabase() private readonly database: RunningDatabase,
    @InjectConfig() private readonly config: AppConfig,
    private readonly auth: RequestAuthenticator,
  ) {}

  @Public()
  @Query(() => HealthType, { complexity: fixedComplexity(FieldCost.LOOKUP) })
  async health(@Context() ctx: GraphqlContext): Promise<HealthType> {
    let up = true;
    try {
      await this.ds.query('SELECT 1');
    } catch {
      up = false;
    }
    return {
      ok: up,
      database: up ? 'up' : 'down',
      databaseKind: this.database.kind,
      version: (await this.showsVersion(ctx)) ? HUB_VERSION : null,
    };
  }

  /** The version tells an attacker which advisories apply: only callers with a valid token or session see it (unless `always`). */
  private async showsVersion(ctx: GraphqlContext): Promise<boolean> {
    if (this.config.introspection === 'always') return true;
    return (await authenticateRequest(ctx.req, this.auth)).caller !== undefined;
  }
}
