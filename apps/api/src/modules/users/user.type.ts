import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ApiRole, UserStatus } from '@order-hub/types';
import type { UserEntity } from './user.entity';

registerEnumType(UserStatus, {
  name: 'UserStatus',
  description: 'INVITED: no password yet (the invitation link is open); ACTIVE signs in; DISABLED cannot.',
});

@ObjectType('User', { description: 'A person who signs in to the console.' })
export class UserType {
  @Field(() => ID)
  id: string;

  @Field({ description: 'As typed at invitation; sign-in ignores its case.' })
  email: string;

  @Field()
  name: string;

  @Field(() => ApiRole)
  role: ApiRole;

  @Field(() => UserStatus)
  status: UserStatus;

  @Field()
  createdAt: Date;

  @Field(() => Date, { nullable: true })
  lastSignInAt: Date | null;

  @Field({ description: 'Whether an authenticator app (TOTP) is set up as second factor.' })
  mfaEnabled: boolean;

  @Field({ description: 'Who invited or created the person (`user:<e-mail>`, `token:<name>`, `system:…`).' })
  createdBy: string;
}

export function toUserType(e: UserEntity): UserType {
  return {
    id: e.id,
    email: e.email,
    name: e.name,
    role: e.role,
    status: e.status,
    createdAt: e.createdAt,
    lastSignInAt: e.lastSignInAt,
    mfaEnabled: e.totpEnabledAt !== null,
    createdBy: e.createdBy,
  };
}
