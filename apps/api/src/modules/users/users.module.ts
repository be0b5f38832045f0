import { Global, Module } from '@nestjs/common';
import { UserLinksRepository } from './user-links.repository';
import { UsersRepository } from './users.repository';
import { UsersService } from './users.service';

/**
 * People who sign in to the console. Global so the auth, MFA and SSO code can inject UsersService and
 * UsersRepository (the only code touching app_user and user_link) without import cycles.
 */
@Global()
@Module({
  providers: [UsersRepository, UserLinksRepository, UsersService],
  exports: [UsersRepository, UsersService],
})
export class UsersModule {}
