import 'dotenv/config';
import { Logger } from '@nestjs/common';
import { ConfigError, loadConfig } from '@platform/core';
import { createApp } from './bootstrap';

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
  logger.log(`Database: ${where}`);
  logger.log(`GraphQL API: ${config.publicUrl}/graphql`);
  if (config.graphql.ide) logger.log(`GraphiQL IDE: ${config.publicUrl}/graphiql`);
}

void main();
