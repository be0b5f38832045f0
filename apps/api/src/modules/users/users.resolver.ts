import { Args, Context, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { ApiRole } from '@order-hub/types';
import type { GraphqlContext } from 'src/common/graphql/graphql-context';
import type { AppConfig } from 'src/config/app-config';
import { InjectConfig } from 'src/config/app-config.token';
import { actorOf, type Caller } from 'src/modules/auth/caller';
import { CurrentCaller } from 'src/modules/auth/current-caller.decorator';
import { RequireRole } from 'src/modules/auth/roles.decorator';
import { InviteUserInput } from './dto/invite-user.input';
import { UpdateUserInput } from './dto/update-user.input';
import { UserLinkPayloadType } from './dto/user-link-payload.type';
import { adminLinkOrigin } from './links/link-origin';
import { PasswordResetService } from './password-reset.service';
import type { IssuedLink } from './user-invitations.service';
import { UserInvitationsService } from './user-invitations.service';
import { UserAdminService } from './user-admin.service';
import { toUserType, UserType } from './user.type';
import { UsersService } from './users.service';

@Resolver(() => UserType)
export class UsersResolver {
  constructor(
    private readonly people: UsersService,
    private readonly admin: UserAdminService,
    private readonly invitations: UserInvitationsService,
    private readonly resets: PasswordResetService,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  @Query(() => [UserType], { description: 'Everyone who can sign in, or was invited to, oldest first.' })
  @RequireRole(ApiRole.ADMIN)
  async users(): Promise<UserType[]> {
    return (await this.people.list()).map(toUserType);
  }

  @Mutation(() => UserLinkPayloadType, {
    description: 'Invites a person: an INVITED user and a one-time link (7 days) to choose a password.',
  })
  @RequireRole(ApiRole.ADMIN)
  async inviteUser(
    @Args('input') input: InviteUserInput,
    @CurrentCaller() caller: Caller,
    @Context() ctx: GraphqlContext,
  ): Promise<UserLinkPayloadType> {
    return toPayload(await this.invitations.invite(input, actorOf(caller), adminLinkOrigin(ctx.req, this.config)));
  }

  @Mutation(() => UserType, { description: "Renames a person or changes their role (an invited person's too)." })
  @RequireRole(ApiRole.ADMIN)
  async updateUser(
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: UpdateUserInput,
    @CurrentCaller() caller: Caller,
  ): Promise<UserType> {
    return toUserType(await this.admin.update(id, input, caller));
  }

  @Mutation(() => UserType, { description: 'Stops a person at once: their sessions end and their tokens are refused.' })
  @RequireRole(ApiRole.ADMIN)
  async disableUser(@Args('id', { type: () => ID }) id: string, @CurrentCaller() caller: Caller): Promise<UserType> {
    return toUserType(await this.admin.disable(id, caller));
  }

  @Mutation(() => UserType)
  @RequireRole(ApiRole.ADMIN)
  async enableUser(@Args('id', { type: () => ID }) id: string, @CurrentCaller() caller: Caller): Promise<UserType> {
    return toUserType(await this.admin.enable(id, caller));
  }

  @Mutation(() => UserType, {
    description: 'Clears the authenticator and recovery codes and ends the sessions: set up again at next sign-in.',
  })
  @RequireRole(ApiRole.ADMIN)
  async resetUserMfa(@Args('id', { type: () => ID }) id: string, @CurrentCaller() caller: Caller): Promise<UserType> {
    return toUserType(await this.admin.resetMfa(id, caller));
  }

  @Mutation(() => UserLinkPayloadType, {
    description:
      'A password reset link (1 hour) for an active person; for one who has not accepted yet, a new invitation (7 days).',
  })
  @RequireRole(ApiRole.ADMIN)
  async createPasswordResetLink(
    @Args('userId', { type: () => ID }) userId: string,
    @CurrentCaller() caller: Caller,
    @Context() ctx: GraphqlContext,
  ): Promise<UserLinkPayloadType> {
    return toPayload(await this.resets.createLink(userId, actorOf(caller), adminLinkOrigin(ctx.req, this.config)));
  }
}

function toPayload(issued: IssuedLink): UserLinkPayloadType {
  return { user: toUserType(issued.user), link: issued.link, emailed: issued.emailed, expiresAt: issued.expiresAt };
}
