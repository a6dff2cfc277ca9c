import { INestApplication, Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { MikroORM } from '@mikro-orm/core';
import { AuthService } from '@platform/accounts';
import { AppConfig, refuseLongQueries } from '@platform/core';
import { AppModule } from './app.module';

/**
 * Builds the application, brings the database schema up to date and creates the
 * first admin if configured. Shared by `npm start`, the CLI and the tests.
 */
export async function createApp(
  config: AppConfig,
  options: { logger?: false } = {},
): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.register(config), {
    logger: options.logger ?? ['log', 'warn', 'error'],
  });
  // A roster file of several thousand trainees arrives in one GraphQL request (importRoster).
  app.useBodyParser('json', { limit: '8mb' });
  app.use('/graphql', refuseLongQueries);
  const orm = app.get(MikroORM);
  const applied = await orm.getMigrator().up();
  if (applied.length > 0) {
    new Logger('Database').log(
      `Applied ${applied.length} migration(s): ${applied.map((m) => m.name).join(', ')}`,
    );
  }
  if (config.auth.initialAdmin) {
    const { email, password } = config.auth.initialAdmin;
    await orm.em.fork().transactional(async (em) => {
      await new AuthService(em, config).ensureAdmin(email, password);
    });
  }
  app.enableShutdownHooks();
  return app;
}
