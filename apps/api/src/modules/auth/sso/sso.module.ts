import { Module } from '@nestjs/common';
import { AuthModule } from '../auth.module';
import { SsoController } from './sso.controller';
import { SsoService } from './sso.service';

/** Single sign-on with one OpenID Connect issuer (OIDC_ISSUER); without it the routes send people to /sign-in. */
@Module({
  imports: [AuthModule],
  controllers: [SsoController],
  providers: [SsoService],
  exports: [SsoService],
})
export class SsoModule {}
