export type { ApiClient, ApiClientOptions, ApiResult } from './api-client.ts';
export { createApiClient } from './api-client.ts';
export { ApiError, type ApiErrorCode, isApiError } from './api-error.ts';
