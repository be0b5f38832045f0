import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ApiRole } from '@order-hub/types';
import type { ApiTokenEntity } from './api-token.entity';

registerEnumType(ApiRole, {
  name: 'ApiRole',
  description: 'VIEWER reads; OPERATOR also acts on orders; ADMIN also manages tokens and accounts.',
});

@ObjectType('ApiToken')
export class ApiTokenType {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  @Field(() => ApiRole)
  role: ApiRole;

  @Field({ description: 'The first characters of the secret, to tell tokens apart.' })
  prefix: string;

  @Field()
  createdAt: Date;

  @Field(() => Date, { nullable: true })
  lastUsedAt: Date | null;

  @Field(() => Date, { nullable: true })
  revokedAt: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the token stops working; null: it never expires.' })
  expiresAt: Date | null;

  /** Resolved as `user` (the person it acts for; null: a named integration). */
  userId: string | null;
}

@ObjectType('CreatedApiToken')
export class CreatedApiTokenType {
  @Field(() => ApiTokenType)
  apiToken: ApiTokenType;

  @Field({ description: 'The secret, shown only once.' })
  token: string;
}

export function toApiTokenType(e: ApiTokenEntity): ApiTokenType {
  return {
    id: e.id,
    name: e.name,
    role: e.role,
    prefix: e.prefix,
    createdAt: e.createdAt,
    lastUsedAt: e.lastUsedAt,
    revokedAt: e.revokedAt,
    expiresAt: e.expiresAt,
    userId: e.userId,
  };
}
