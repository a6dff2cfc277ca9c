import 'dotenv/config';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ConfigError, loadConfig } from '@platform/core';
import { MailWorker } from '@platform/mail';
import { WorkerModule } from './worker.module';

/**
 * `npm run worker`: delivers the outbox from a process of its own. Run the API with
 * MAIL_WORKER=off then (it applies the migrations); several workers may run at once on
 * PostgreSQL.
 */
async function main() {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  const app = await NestFactory.createApplicationContext(WorkerModule.register(config), {
    logger: ['log', 'warn', 'error'],
  });
  app.enableShutdownHooks();
  app.get(MailWorker).start();
  new Logger('Worker').log('Delivering the outbox');
}

void main();
