import { Field, InputType } from '@nestjs/graphql';
import { ApiRole } from '@order-hub/types';

@InputType()
export class UpdateUserInput {
  @Field(() => String, { nullable: true, description: '1 to 120 characters; omitted: unchanged.' })
  name?: string | null;

  @Field(() => ApiRole, {
    nullable: true,
    description: 'Omitted: unchanged. Nobody can change their own role, or demote the last active admin.',
  })
  role?: ApiRole | null;
}
