import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Logger } from '@nestjs/common';
import { createTransport, SendMailOptions, Transporter } from 'nodemailer';
import type { AppConfig } from '@platform/core';
import { SendRateLimiter } from './send-rate-limiter';

/** Where mail goes: an SMTP server, or .eml files when none is configured. */
export interface MailTransport {
  readonly description: string;
  send(mail: SendMailOptions & { messageId: string }): Promise<void>;
  close(): void;
}

/**
 * Pooled SMTP connections, at most `ratePerSecond` messages in any one second over all of
 * them (per process: each worker process has its own limit).
 */
class SmtpTransport implements MailTransport {
  readonly description: string;
  private readonly transporter: Transporter;
  private readonly limiter: SendRateLimiter;

  constructor(config: AppConfig['mail']) {
    const url = new URL(config.smtpUrl!);
    this.description = `SMTP ${url.protocol}//${url.host}`;
    this.limiter = new SendRateLimiter(config.ratePerSecond);
    this.transporter = createTransport({
      pool: true,
      maxConnections: config.poolSize,
      host: url.hostname,
      port: url.port ? Number(url.port) : url.protocol === 'smtps:' ? 465 : 587,
      secure: url.protocol === 'smtps:',
      auth: url.username
        ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) }
        : undefined,
      // smtp://host:25?ignoreTLS=true for a local relay that offers no TLS.
      ignoreTLS: url.searchParams.get('ignoreTLS') === 'true',
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 30_000,
    });
  }

  async send(mail: SendMailOptions & { messageId: string }): Promise<void> {
    await this.limiter.run(() => this.transporter.sendMail(mail));
  }

  close(): void {
    this.limiter.close();
    this.transporter.close();
  }
}

/** The embedded default: each message as an .eml file a new user can open. */
class FileTransport implements MailTransport {
  readonly description: string;
  private readonly transporter = createTransport({ streamTransport: true, buffer: true });

  constructor(private readonly dir: string) {
    this.description = `.eml files in ${dir}`;
  }

  async send(mail: SendMailOptions & { messageId: string }): Promise<void> {
    const info = (await this.transporter.sendMail(mail)) as { message: Buffer };
    const day = new Date().toISOString().slice(0, 10);
    await mkdir(join(this.dir, day), { recursive: true });
    const name = mail.messageId.replace(/[<>]/g, '').replace(/[^\w.@-]/g, '_');
    await writeFile(join(this.dir, day, `${name}.eml`), info.message);
  }

  close(): void {
    this.transporter.close();
  }
}

export function createMailTransport(config: AppConfig['mail']): MailTransport {
  const transport = config.smtpUrl ? new SmtpTransport(config) : new FileTransport(config.dir);
  new Logger('Mail').log(`Mail goes to ${transport.description}`);
  return transport;
}
