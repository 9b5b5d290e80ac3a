import { Inject, Injectable, Logger } from '@nestjs/common';
import nodemailer, { type Transporter } from 'nodemailer';
import { APP_CONFIG, type AppConfig } from '../../config/config';

/** Sends mail through SMTP_URL; without it, mail is simply not available (and callers say so). */
@Injectable()
export class Mailer {
  private readonly logger = new Logger('Mailer');
  private readonly transport: Transporter | null;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.transport = config.mail ? nodemailer.createTransport(config.mail.smtpUrl) : null;
  }

  get enabled(): boolean {
    return this.transport !== null;
  }

  async send(to: string, subject: string, text: string): Promise<void> {
    if (!this.transport || !this.config.mail) throw new Error('Mail is not configured');
    await this.transport.sendMail({ from: this.config.mail.from, to, subject, text });
    this.logger.log({ subject }, 'Mail sent');
  }
}
