import { Field, ObjectType } from '@nestjs/graphql';
import { UserType } from '../user.type';

@ObjectType('UserLinkPayload', { description: 'A one-time link made for a person (invitation or password reset).' })
export class UserLinkPayloadType {
  @Field(() => UserType)
  user: UserType;

  @Field({ description: 'The whole link (its secret after #), shown only this once: copy it to the person.' })
  link: string;

  @Field({ description: 'Whether it was also e-mailed to the person (SMTP configured and the server took it).' })
  emailed: boolean;

  @Field({ description: 'When the link stops working: 7 days for an invitation, 1 hour for a password reset.' })
  expiresAt: Date;
}
