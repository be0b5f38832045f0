import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';
import type { AppConfig } from 'src/config/app-config';
import { InjectConfig } from 'src/config/app-config.token';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** Files sent with the message (a purchase order's CSV or PDF). */
  attachments?: MailAttachment[];
}

export interface MailAttachment {
  filename: string;
  content: Buffer | string;
  contentType: string;
}

/** How long one SMTP exchange may take before the send is given up (an admin can still copy the link). */
const SMTP_TIMEOUT_MS = 15_000;

/** Outgoing e-mail through the SMTP server of `SMTP_URL`; without it, `enabled` is false and nothing is sent. */
@Injectable()
export class MailerService implements OnModuleDestroy {
  private readonly log = new Logger(MailerService.name);
  private readonly transport: Transporter | null;
  private readonly from: string;

  constructor(@InjectConfig() config: AppConfig) {
    this.from = config.mail?.from ?? '';
    this.transport = config.mail
      ? createTransport({
          url: config.mail.smtpUrl,
          connectionTimeout: SMTP_TIMEOUT_MS,
          greetingTimeout: SMTP_TIMEOUT_MS,
          socketTimeout: SMTP_TIMEOUT_MS,
        })
      : null;
  }

  get enabled(): boolean {
    return this.transport !== null;
  }

  /** Sends one message; throws when SMTP is not configured or the server refuses it. */
  async send(message: MailMessage): Promise<void> {
    if (!this.transport) throw new Error('No SMTP server is configured (SMTP_URL).');
    await this.transport.sendMail({ from: this.from, ...message });
  }

  /** Sends, and says whether it went: a mail server that is down must not fail the admin's action. */
  async trySend(message: MailMessage): Promise<boolean> {
    if (!this.transport) return false;
    try {
      await this.send(message);
      return true;
    } catch (err) {
      this.log.warn(`E-mail "${message.subject}" not sent: ${(err as Error).message}`);
      return false;
    }
  }

  onModuleDestroy(): void {
    this.transport?.close();
  }
}
