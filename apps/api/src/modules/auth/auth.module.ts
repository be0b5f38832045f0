import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TokenAuthGuard } from './token-auth.guard';
import { ApiTokenRepository } from './api-token.repository';
import { ApiTokensResolver } from './api-tokens.resolver';
import { ApiTokensService } from './api-tokens.service';

@Module({
  providers: [
    ApiTokenRepository,
    ApiTokensService,
    ApiTokensResolver,
    { provide: APP_GUARD, useClass: TokenAuthGuard },
  ],
  exports: [ApiTokensService],
})
export class AuthModule {}
