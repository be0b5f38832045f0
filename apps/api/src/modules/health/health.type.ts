import { Field, ObjectType } from '@nestjs/graphql';

@ObjectType('Health')
export class HealthType {
  @Field()
  ok: boolean;

  @Field({ description: '"up" or "down".' })
  database: string;

  @Field({ description: '"pglite" (embedded) or "postgres".' })
  databaseKind: string;

  @Field(() => String, {
    nullable: true,
    description: 'Version of the hub; null unless the request carries a valid API token (GRAPHQL_INTROSPECTION).',
  })
  version: string | null;
}
