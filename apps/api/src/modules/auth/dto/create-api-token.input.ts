import { Field, ID, InputType } from '@nestjs/graphql';
import { ApiRole } from '@order-hub/types';

@InputType()
export class CreateApiTokenInput {
  @Field({ description: 'What the token is for, e.g. "warehouse scanner" (1 to 120 characters).' })
  name: string;

  @Field(() => ApiRole)
  role: ApiRole;

  @Field(() => Date, { nullable: true, description: 'When the token stops working (in the future); omitted: never.' })
  expiresAt?: Date | null;

  @Field(() => ID, {
    nullable: true,
    description:
      "The person the token acts for (an active user; its role at most theirs); omitted: a named integration's.",
  })
  userId?: string | null;
}
