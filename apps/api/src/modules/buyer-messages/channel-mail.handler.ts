import { Injectable, type OnModuleInit } from '@nestjs/common';
import { classifyChannelMail } from '@order-hub/rules';
import { MailHandlers, type InboundMail, type MailHandler, type MailHandling } from 'src/modules/mailbox/mail-handler';
import { ChannelMailIntakeService } from './channel-mail-intake.service';

/** Buyer messages and performance e-mails from the channels' own senders (the rules' table), in any folder but Sent. */
@Injectable()
export class ChannelMailHandler implements MailHandler, OnModuleInit {
  readonly name = 'channel-mail';
  readonly priority = 30;

  constructor(
    private readonly handlers: MailHandlers,
    private readonly intake: ChannelMailIntakeService,
  ) {}

  onModuleInit(): void {
    this.handlers.register(this);
  }

  async handle(mail: InboundMail): Promise<MailHandling | null> {
    if (mail.folderRole === 'SENT') return null;
    const found = classifyChannelMail({ from: mail.from.address, subject: mail.subject, text: mail.text });
    return found ? this.intake.record(mail, found) : null;
  }
}
