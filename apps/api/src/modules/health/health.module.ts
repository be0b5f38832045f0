import { Module } from '@nestjs/common';
import { AuthModule } from 'src/modules/auth/auth.module';
import { HealthResolver } from './health.resolver';

@Module({ imports: [AuthModule], providers: [HealthResolver] })
export class HealthModule {}
