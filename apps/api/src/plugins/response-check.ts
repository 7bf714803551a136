import { createHash } from 'node:crypto';
import type { ValidateFunction } from 'ajv';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/**
 * For tests only (buildApp's `checkResponses`): every answer of an /api/v1 route is checked
 * against the API document — its status must be documented, its media type too, and a JSON
 * body must match the documented schema. What does not fit is recorded here; the test setup
 * (test/setup-response-check.ts) fails the test that caused it. Production never loads this file.
 */
export interface ResponseMismatch {
  route: string;
  status: number;
  problem: string;
}

export const responseCheck = { checked: 0, mismatches: [] as ResponseMismatch[] };

interface Answer {
  content?: Record<string, { schema?: object }>;
}
type Paths = Record<string, Record<string, { responses?: Record<string, Answer> }>>;
interface Document {
  paths: Paths;
  components?: { schemas?: Record<string, unknown> };
}

/** One ajv for the process: the apps of a test file share the compiled validators. */
let shared: Promise<{ ajv: import('ajv').default; validators: Map<string, ValidateFunction> }> | null = null;
const sharedAjv = () =>
  (shared ??= (async () => {
    // loaded here, not at the top: ajv is a devDependency
    const { Ajv2020 } = await import('ajv/dist/2020.js');
    const { default: addFormats } = await import('ajv-formats');
    const ajv = new Ajv2020({ strict: false, allErrors: true, formats: { binary: true } });
    addFormats.default(ajv);
    return { ajv, validators: new Map<string, ValidateFunction>() };
  })());

export async function registerResponseCheck(app: FastifyInstance): Promise<void> {
  const { ajv, validators } = await sharedAjv();
  let componentsId: string | null = null;

  /** The document's components under one id (by content), and a validator for a schema that refers to them. */
  const validatorOf = (document: Document, schema: object): ValidateFunction => {
    if (!componentsId) {
      const components = document.components?.schemas ?? {};
      componentsId = `lis-components-${createHash('sha1').update(JSON.stringify(components)).digest('hex')}`;
      if (!ajv.getSchema(componentsId)) ajv.addSchema({ $id: componentsId, $defs: rewriteRefs(components, componentsId) });
    }
    const rewritten = rewriteRefs(schema, componentsId) as object;
    const key = JSON.stringify(rewritten);
    let validate = validators.get(key);
    if (!validate) {
      validate = ajv.compile(rewritten);
      validators.set(key, validate);
    }
    return validate;
  };

  app.addHook('onSend', async (request, reply, payload) => {
    const url = request.routeOptions.url;
    if (!url?.startsWith('/api/v1') || request.method === 'HEAD') return payload;
    const problem = check(app.swagger() as unknown as Document, request, reply, payload, validatorOf);
    responseCheck.checked++;
    if (problem) responseCheck.mismatches.push({ route: `${request.method} ${url}`, status: reply.statusCode, problem });
    return payload;
  });
}

function check(
  document: Document,
  request: FastifyRequest,
  reply: FastifyReply,
  payload: unknown,
  validatorOf: (document: Document, schema: object) => ValidateFunction,
): string | null {
  const path = (request.routeOptions.url ?? '').replace(/:(\w+)/g, '{$1}');
  const operation = document.paths[path]?.[request.method.toLowerCase()];
  if (!operation) return 'the route is not in the API document';
  const status = reply.statusCode;
  const answer = operation.responses?.[status] ?? operation.responses?.[`${String(status)[0]}XX`];
  if (!answer) return `status ${status} is not documented (documented: ${Object.keys(operation.responses ?? {}).join(', ')})`;
  const empty = payload === null || payload === undefined || payload === '';
  if (!answer.content) return empty ? null : `a body was sent, but status ${status} is documented without one`;
  const contentType = String(reply.getHeader('content-type') ?? '');
  const mediaType = contentType in answer.content ? contentType : contentType.split(';')[0]?.trim();
  const media = mediaType ? answer.content[mediaType] : undefined;
  if (!media) return `media type "${contentType}" is not documented (documented: ${Object.keys(answer.content).join(', ')})`;
  if (mediaType !== 'application/json' || !media.schema) return null;
  if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return null; // a stream: its media type is checked
  const validate = validatorOf(document, media.schema);
  if (validate(JSON.parse(payload.toString()))) return null;
  return `the body does not match the documented schema: ${JSON.stringify(validate.errors?.slice(0, 5))}`;
}

/** `#/components/schemas/X` → `<id>#/$defs/X`, so that one ajv schema holds every component. */
function rewriteRefs(node: unknown, componentsId: string): unknown {
  if (typeof node !== 'object' || node === null) return node;
  if (Array.isArray(node)) return node.map((item) => rewriteRefs(item, componentsId));
  return Object.fromEntries(
    Object.entries(node).map(([key, value]) => [
      key,
      key === '$ref' && typeof value === 'string'
        ? value.replace('#/components/schemas/', `${componentsId}#/$defs/`)
        : rewriteRefs(value, componentsId),
    ]),
  );
}
