import { AddressInfo, Socket } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** How the server answers the DATA of the next message. */
type Refusal = { code: number; message: string };

/**
 * A real SMTP server on 127.0.0.1 for the journeys: it parses every message with
 * mailparser and keeps it, and can be told to refuse (4xx for the next few messages,
 * 5xx for all), to answer slowly, or to go down and come back on the same port.
 *
 * `received` holds the messages the server accepted (answered 250 while the client was
 * still connected); `offered` holds every message whose DATA arrived, accepted or not,
 * so a test can count how often a refused message was tried.
 */
export class TestSmtpServer {
  readonly received: ParsedMail[] = [];
  /** When each of `received` arrived: Date.now() once its DATA was read, before the reply. */
  readonly arrivals: number[] = [];
  readonly offered: ParsedMail[] = [];
  private server?: SMTPServer;
  private readonly sockets = new Set<Socket>();
  private readonly closedSessions = new Set<string>();
  private refuseCount = 0;
  private temporary: Refusal = { code: 451, message: 'try again later' };
  private permanent?: Refusal;
  private delayMs = 0;
  private waiters: (() => void)[] = [];

  private constructor(private portNumber: number) {}

  /** A server listening on a free port. */
  static async listen(): Promise<TestSmtpServer> {
    const smtp = new TestSmtpServer(0);
    await smtp.start();
    return smtp;
  }

  get port(): number {
    return this.portNumber;
  }

  /** SMTP_URL for the app and the worker. */
  get url(): string {
    return `smtp://127.0.0.1:${this.portNumber}`;
  }

  get isListening(): boolean {
    return this.server !== undefined;
  }

  /** Accept every message again, at once (undoes refuse*, keeps the delay unless told). */
  accept({ delayMs = this.delayMs } = {}): void {
    this.refuseCount = 0;
    this.permanent = undefined;
    this.delayMs = delayMs;
  }

  /** The next `count` messages get a temporary failure (451 by default), then all pass. */
  refuseNext(count: number, code = 451, message = 'try again later'): void {
    this.refuseCount = count;
    this.temporary = { code, message };
  }

  /** Every message gets a permanent failure (550 by default) until accept(). */
  refuseAll(code = 550, message = 'mailbox unavailable'): void {
    this.permanent = { code, message };
  }

  /** Waits this long before answering each message's DATA. */
  delay(ms: number): void {
    this.delayMs = ms;
  }

  /** Forgets what was received so far. */
  clear(): void {
    this.received.length = 0;
    this.arrivals.length = 0;
    this.offered.length = 0;
  }

  /** Listens (again) on the same port: the server "comes back". */
  async start(): Promise<void> {
    if (this.server) return;
    const server = new SMTPServer({
      // Plain SMTP, no login: nodemailer then neither upgrades to TLS nor authenticates.
      disabledCommands: ['STARTTLS', 'AUTH'],
      authOptional: true,
      logger: false,
      onData: (stream, session, callback) => {
        simpleParser(stream)
          .then(async (mail) => {
            const arrivedAt = Date.now();
            this.offered.push(mail);
            if (this.delayMs > 0) await sleep(this.delayMs);
            const refusal = this.permanent ?? (this.refuseCount > 0 ? this.temporary : undefined);
            if (refusal) {
              if (refusal === this.temporary) this.refuseCount -= 1;
              const error = new Error(refusal.message);
              (error as Error & { responseCode: number }).responseCode = refusal.code;
              callback(error);
              return;
            }
            // A client that went away while we waited never saw the 250: not delivered.
            if (!this.closedSessions.has(session.id)) {
              this.received.push(mail);
              this.arrivals.push(arrivedAt);
              this.notify();
            }
            callback();
          })
          .catch((error: unknown) => callback(error as Error));
      },
      onClose: (session) => {
        this.closedSessions.add(session.id);
      },
    });
    server.server.on('connection', (socket: Socket) => {
      this.sockets.add(socket);
      socket.once('close', () => this.sockets.delete(socket));
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.portNumber, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
    // A client that disappears (a killed worker) resets its connection; smtp-server
    // reports that as an 'error' event, which must not crash the test process.
    server.on('error', () => {});
    this.portNumber = (server.server.address() as AddressInfo).port;
    this.server = server;
  }

  /** Goes down: stops listening and drops every open connection (connections are refused). */
  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    for (const socket of this.sockets) socket.destroy();
    await closed;
  }

  /** Resolves with the received messages once there are at least `count` of them. */
  async waitFor(count: number, timeoutMs = 10_000): Promise<ParsedMail[]> {
    const deadline = Date.now() + timeoutMs;
    while (this.received.length < count) {
      const left = deadline - Date.now();
      if (left <= 0) {
        throw new Error(
          `SMTP server: ${this.received.length} of ${count} messages after ${timeoutMs} ms`,
        );
      }
      await Promise.race([
        new Promise<void>((resolve) => this.waiters.push(resolve)),
        sleep(Math.min(left, 100)),
      ]);
    }
    return this.received.slice(0, count);
  }

  async close(): Promise<void> {
    await this.stop();
    this.notify();
  }

  private notify(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
  }
}

/** The messages received with this Message-ID (mailparser keeps the angle brackets). */
export function withMessageId(mails: ParsedMail[], messageId: string): ParsedMail[] {
  return mails.filter((mail) => mail.messageId === messageId);
}
