/**
 * The web app's client of the API: the one typed client of @lis/contracts/client, on the app's
 * own origin with the session cookie, and the header that proves LIS's own pages sent a change.
 */
import { LIS_REQUEST_HEADER } from '@lis/contracts';
import { createApiClient } from '@lis/contracts/client';

export { ApiError, type ApiErrorCode, isApiError } from '@lis/contracts/client';

export const api = createApiClient({ baseUrl: '/api/v1', credentials: 'same-origin', headers: { [LIS_REQUEST_HEADER]: '1' } });
