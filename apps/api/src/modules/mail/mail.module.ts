import { Global, Module } from '@nestjs/common';
import { MailerService } from './mailer.service';

/** Outgoing e-mail (invitations, password resets, the first admin's invitation). */
@Global()
@Module({ providers: [MailerService], exports: [MailerService] })
export class MailModule {}
