import { Global, Module } from '@nestjs/common';
import { AuthModule } from 'src/modules/auth/auth.module';
import { UserLinksService } from './links/user-links.service';
import { PasswordResetService } from './password-reset.service';
import { UserAdminService } from './user-admin.service';
import { UserInvitationsService } from './user-invitations.service';
import { UserLinksController } from './user-links.controller';
import { UserLinksRepository } from './user-links.repository';
import { UsersRepository } from './users.repository';
import { UsersResolver } from './users.resolver';
import { UsersService } from './users.service';

/**
 * People who sign in to the console. Global so the auth, MFA and SSO code can inject UsersService and
 * UsersRepository (the only code touching app_user and user_link) without import cycles.
 */
@Global()
@Module({
  imports: [AuthModule],
  controllers: [UserLinksController],
  providers: [
    UsersRepository,
    UserLinksRepository,
    UsersService,
    UserLinksService,
    UserInvitationsService,
    PasswordResetService,
    UserAdminService,
    UsersResolver,
  ],
  exports: [UsersRepository, UsersService, UserInvitationsService],
})
export class UsersModule {}
