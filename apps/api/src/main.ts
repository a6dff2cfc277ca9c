import 'dotenv/config';
import { Logger } from '@nestjs/common';
import { ConfigError, loadConfig } from '@platform/core';
import { closeGracefully, createApp } from './bootstrap';

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
  const app = await createApp(config);
  await app.listen(config.port, config.host);
  const where =
    config.database.kind === 'sqlite' ? `SQLite file ${config.database.url}` : 'PostgreSQL';
  const logger = new Logger('Server');
  logger.log(`Open ${config.publicUrl}/ in your browser`);
  logger.log(`Database: ${where}`);
  logger.log(`GraphQL API: ${config.publicUrl}/graphql`);
  if (config.graphql.ide) logger.log(`GraphiQL IDE: ${config.publicUrl}/graphiql`);

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) {
      // A second Ctrl-C does not wait for the requests still running.
      logger.warn(`${signal} again: exiting now`);
      process.exit(1);
    }
    stopping = true;
    logger.log(`${signal}: finishing the requests in flight, then closing the database`);
    closeGracefully(app).then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

void main();
