import { Field, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ApiRole, SessionStatus } from '@order-hub/types';
import { ApiTokenType } from './api-token.type';

registerEnumType(SessionStatus, {
  name: 'SessionStatus',
  description:
    'SIGNED_IN works; MFA_REQUIRED and MFA_ENROLMENT_REQUIRED reach only `me` and MFA enrolment until the second factor is given or set up.',
});

@ObjectType('Viewer', { description: 'Who the request acts for: a signed-in person, or an API token.' })
export class ViewerType {
  @Field({ description: "The person's e-mail, or the integration token's name." })
  name: string;

  @Field(() => ApiRole, { description: 'The role the request has (a token tied to a person: at most theirs).' })
  role: ApiRole;

  /** Resolved by ViewerResolver (`user`): the person, null for an integration token. */
  userId: string | null;

  @Field(() => ApiTokenType, { nullable: true, description: 'The API token used; null for a console session.' })
  apiToken: ApiTokenType | null;

  @Field(() => SessionStatus, { nullable: true, description: 'Where the console session stands; null for a token.' })
  sessionStatus: SessionStatus | null;

  @Field({ description: 'Whether this person must use a second factor (always false for an integration token).' })
  mfaRequired: boolean;
}
