import { Field, InputType } from '@nestjs/graphql';
import { ApiRole } from '@order-hub/types';

@InputType()
export class InviteUserInput {
  @Field({ description: 'Where the invitation goes; one account per address whatever its case.' })
  email: string;

  @Field({ description: 'How the console shows the person (1 to 120 characters).' })
  name: string;

  @Field(() => ApiRole)
  role: ApiRole;
}
