import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Logger } from '@nestjs/common';
import type { SendMailOptions, Transporter } from 'nodemailer';
import type { AppConfig } from '@platform/core';
import { SendRateLimiter } from './send-rate-limiter';

/** Where mail goes: an SMTP server, or .eml files when none is configured. */
export interface MailTransport {
  readonly description: string;
  send(mail: SendMailOptions & { messageId: string }): Promise<void>;
  close(): void;
}

// nodemailer is loaded with the first message, not at start: an idle server never needs it.
const nodemailer = () => import('nodemailer');

/**
 * Pooled SMTP connections, at most `ratePerSecond` messages in any one second over all of
 * them (per process: each worker process has its own limit).
 */
class SmtpTransport implements MailTransport {
  readonly description: string;
  private readonly limiter: SendRateLimiter;
  private transporter?: Promise<Transporter>;

  constructor(private readonly config: AppConfig['mail']) {
    const url = new URL(config.smtpUrl!);
    this.description = `SMTP ${url.protocol}//${url.host}`;
    this.limiter = new SendRateLimiter(config.ratePerSecond);
  }

  private connect(): Promise<Transporter> {
    const { config } = this;
    const url = new URL(config.smtpUrl!);
    return (this.transporter ??= nodemailer().then(({ createTransport }) =>
      createTransport({
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
      }),
    ));
  }

  async send(mail: SendMailOptions & { messageId: string }): Promise<void> {
    const transporter = await this.connect();
    await this.limiter.run(() => transporter.sendMail(mail));
  }

  close(): void {
    this.limiter.close();
    void this.transporter?.then((transporter) => transporter.close());
  }
}

/** The embedded default: each message as an .eml file a new user can open. */
class FileTransport implements MailTransport {
  readonly description: string;
  private transporter?: Promise<Transporter>;

  constructor(private readonly dir: string) {
    this.description = `.eml files in ${dir}`;
  }

  async send(mail: SendMailOptions & { messageId: string }): Promise<void> {
    this.transporter ??= nodemailer().then(({ createTransport }) =>
      createTransport({ streamTransport: true, buffer: true }),
    );
    const info = (await (await this.transporter).sendMail(mail)) as { message: Buffer };
    const day = new Date().toISOString().slice(0, 10);
    await mkdir(join(this.dir, day), { recursive: true });
    const name = mail.messageId.replace(/[<>]/g, '').replace(/[^\w.@-]/g, '_');
    await writeFile(join(this.dir, day, `${name}.eml`), info.message);
  }

  close(): void {
    void this.transporter?.then((transporter) => transporter.close());
  }
}

export function createMailTransport(config: AppConfig['mail']): MailTransport {
  const transport = config.smtpUrl ? new SmtpTransport(config) : new FileTransport(config.dir);
  new Logger('Mail').log(`Mail goes to ${transport.description}`);
  return transport;
}
