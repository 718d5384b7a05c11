export { AppConfig, ConfigValidationError, loadConfig } from './app-config';
export type {
  ApiConfig,
  BlastsConfig,
  DatabaseConfig,
  HttpConfig,
  JobsConfig,
  KakaoConfig,
  RedisConfig,
  ReachConfig,
  WebhooksConfig,
} from './app-config';
export { ConfigModule, getConfig, resetConfigCache } from './config.module';
export { EnvDto } from './env.dto';
