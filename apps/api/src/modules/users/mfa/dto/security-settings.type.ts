import { Field, InputType, ObjectType } from '@nestjs/graphql';

@ObjectType('SecuritySettings', { description: "The hub's sign-in policy (ADMIN)." })
export class SecuritySettingsType {
  @Field(() => Boolean, {
    nullable: true,
    description: '"Require MFA for everyone" as an admin chose it; null: not chosen, the default applies.',
  })
  requireMfa: boolean | null;

  @Field({ description: 'What applies while no choice is made: on when a connected channel asks for MFA (Amazon).' })
  requireMfaDefault: boolean;

  @Field({ description: 'Whether everyone (not only ADMIN, who always does) signs in with a second factor now.' })
  effectiveRequireMfa: boolean;

  @Field({ description: 'Why it is on or off, in words for the settings page.' })
  reason: string;

  @Field(() => String, { nullable: true, description: 'Who made the choice (user:<e-mail> or token:<name>).' })
  updatedBy: string | null;

  @Field(() => Date, { nullable: true })
  updatedAt: Date | null;
}

@InputType()
export class UpdateSecuritySettingsInput {
  @Field(() => Boolean, {
    nullable: true,
    description: 'true or false: require MFA for everyone or only ADMIN; null: back to the default.',
  })
  requireMfa: boolean | null;
}
