import { DynamicModule, Global, Module } from '@nestjs/common';
import { Clock } from '../clock/clock';
import { AppConfig } from './app-config';

export const APP_CONFIG = Symbol('APP_CONFIG');

/**
 * Makes the validated configuration injectable everywhere as `@Inject(APP_CONFIG)`, and
 * the one Clock the rules read "today" from.
 */
@Global()
@Module({})
export class ConfigModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: ConfigModule,
      providers: [{ provide: APP_CONFIG, useValue: config }, Clock],
      exports: [APP_CONFIG, Clock],
    };
  }
}
