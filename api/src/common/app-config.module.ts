import { Global, Module, type DynamicModule } from '@nestjs/common';
import type { AppConfig } from '../config/config';

export const APP_CONFIG = Symbol('AppConfig');

/** Hands the validated configuration to every module: inject with @Inject(APP_CONFIG). */
@Global()
@Module({})
export class AppConfigModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppConfigModule,
      providers: [{ provide: APP_CONFIG, useValue: config }],
      exports: [APP_CONFIG],
    };
  }
}
