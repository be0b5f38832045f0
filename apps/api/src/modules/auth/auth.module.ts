import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TokenAuthGuard } from './token-auth.guard';
import { ApiTokenRepository } from './api-token.repository';
import { ApiTokensResolver } from './api-tokens.resolver';
import { ApiTokensService } from './api-tokens.service';
import { RequestAuthenticator } from './request-authentication';
import { SessionsController } from './sessions/sessions.controller';
import { SessionsService } from './sessions/sessions.service';
import { UserSessionRepository } from './sessions/user-session.repository';
import { PasswordSignInService } from './sign-in/password-sign-in.service';
import { SignInIpLimiter } from './sign-in/sign-in-ip-limiter';
import { ViewerResolver } from './viewer.resolver';

@Module({
  controllers: [SessionsController],
  providers: [
    ApiTokenRepository,
    ApiTokensService,
    ApiTokensResolver,
    UserSessionRepository,
    SessionsService,
    RequestAuthenticator,
    PasswordSignInService,
    SignInIpLimiter,
    ViewerResolver,
    { provide: APP_GUARD, useClass: TokenAuthGuard },
  ],
  exports: [ApiTokensService, SessionsService, RequestAuthenticator, SignInIpLimiter],
})
export class AuthModule {}
