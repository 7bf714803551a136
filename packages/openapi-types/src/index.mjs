// Plain JavaScript: this package's TypeScript is 5.9 (for openapi-typescript), not the workspace's 7.
import openapiTS, { astToString } from 'openapi-typescript';

/** The TypeScript declarations (`paths`, `components`, `operations`) of an OpenAPI 3.1 document. */
export async function openApiToTypeScript(document) {
  return astToString(await openapiTS(document, { exportType: false, alphabetize: true }));
}
