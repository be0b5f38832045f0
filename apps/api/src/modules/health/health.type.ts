import { Field, ObjectType } from '@nestjs/graphql';

@ObjectType('Health')
export class HealthType {
  @Field()
  ok: boolean;

  @Field({ description: '"up" or "down".' })
  database: string;

  @Field({ description: '"pglite" (embedded) or "postgres".' })
  databaseKind: string;

  @Field({ description: 'Version of the hub.' })
  version: string;
}
