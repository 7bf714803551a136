/**
 * The API's calls typed by its OpenAPI document: the shared client of @lis/contracts/client, bound
 * to the web app's origin and session (api-client.ts). A changed contract breaks the typecheck.
 */
import { api } from './api-client';

export type { ApiResult } from '@lis/contracts/client';

export const { getJson, postJson, putJson, postForm, deleteJson, exportUrl, pageUrl } = api;
