import { DynamicModule, Module } from '@nestjs/common';
import { MikroOrmModule } from '@mikro-orm/nestjs';
import { AppConfig, ConfigModule, ormOptions, RateLimitModule } from '@platform/core';
import { ConferencesModule } from '@platform/conferences';
import { DocumentsModule } from '@platform/documents';
import { MailModule } from '@platform/mail';
import { allEntities } from '../../api/src/entities';

/** The mail worker alone: the outbox, and the documents it attaches. No HTTP. */
@Module({})
export class WorkerModule {
  static register(config: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        ConfigModule.forRoot(config),
        MikroOrmModule.forRoot(ormOptions(config.database, allEntities)),
        // DocumentsModule's verification page counts its requests there.
        RateLimitModule,
        MailModule,
        // They register the documents the mail attaches: certificates, recommendations.
        DocumentsModule,
        ConferencesModule,
      ],
    };
  }
}
