export { createApiApp, listen } from './api-app';
export { ApiModule } from './api.module';
