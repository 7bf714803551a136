import * as contracts from '@lis/contracts';

/**
 * Shared schemas become components with `$ref`, chosen by identity: a route schema (or a part of
 * one) that is the very object a package exports from @lis/contracts is named after its export.
 * New contracts are covered without registering them; the schemas Fastify validates and
 * serialises with stay untouched (no `$id`s to collide), only the document changes.
 */
const MARK = 'x-lis-schema';

const SHARED: ReadonlyMap<object, string> = (() => {
  const names = new Map<object, string>();
  const taken = new Set<string>();
  for (const [exportName, value] of Object.entries(contracts)) {
    if (!isSchema(value) || names.has(value)) continue;
    const short = exportName.replace(/Schema$/, '');
    const name = short && !(short in contracts) && !taken.has(short) ? short : exportName;
    names.set(value, name);
    taken.add(name);
  }
  return names;
})();

function isSchema(value: unknown): value is object {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const keys = Object.keys(value);
  return ['type', 'anyOf', 'oneOf', 'allOf', 'enum', 'const'].some((k) => keys.includes(k));
}

/** A copy of a route's schema in which every shared part carries its component name (for `extractComponents`). */
export function markShared<T>(schema: T): T {
  const copies = new Map<unknown, unknown>();
  const mark = (node: unknown): unknown => {
    if (typeof node !== 'object' || node === null) return node;
    const known = copies.get(node);
    if (known) return known;
    let copy: unknown;
    if (Array.isArray(node)) copy = node.map(mark);
    else {
      const object: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(node)) object[key] = mark(value);
      const name = SHARED.get(node);
      if (name) object[MARK] = name;
      copy = object;
    }
    copies.set(node, copy);
    return copy;
  };
  return mark(schema) as T;
}

/** Moves every marked schema of the document to components.schemas and points to it with `$ref`. */
export function extractComponents(document: { components?: { schemas?: Record<string, unknown> } }): void {
  const components: Record<string, unknown> = {};
  const visit = (node: unknown): unknown => {
    if (typeof node !== 'object' || node === null) return node;
    if (Array.isArray(node)) return node.map(visit);
    const object: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(node)) if (key !== MARK) object[key] = visit(value);
    const name = (node as Record<string, unknown>)[MARK];
    if (typeof name !== 'string') return object;
    components[name] ??= object;
    return { $ref: `#/components/schemas/${name}` };
  };
  const { components: existing, ...rest } = document as Record<string, unknown>;
  Object.assign(document, visit(rest));
  const schemas = { ...(visit((existing as { schemas?: unknown })?.schemas ?? {}) as object), ...components };
  document.components = {
    ...(existing as object),
    schemas: Object.fromEntries(Object.entries(schemas).sort(([a], [b]) => a.localeCompare(b))),
  };
}

/**
 * Unions of single values (TypeBox writes `anyOf: [{ const: 'a' }, …]`, shown as one-value enums)
 * become one `enum`, as generators and readers expect of a closed list.
 */
export function mergeEnums(node: unknown): unknown {
  if (typeof node !== 'object' || node === null) return node;
  if (Array.isArray(node)) return node.map(mergeEnums);
  const object: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) object[key] = mergeEnums(value);
  const members = object.anyOf;
  if (!Array.isArray(members) || members.length === 0) return object;
  const types = new Set<unknown>();
  const values: unknown[] = [];
  for (const member of members) {
    const m = member as Record<string, unknown>;
    const keys = Object.keys(m).filter((k) => k !== 'type');
    const value = 'const' in m ? [m.const] : m.enum;
    if (keys.length !== 1 || !Array.isArray(value)) return object;
    types.add(m.type);
    values.push(...value);
  }
  if (types.size !== 1) return object;
  const { anyOf: _members, ...rest } = object;
  const [type] = types;
  return { ...(type === undefined ? {} : { type }), ...rest, enum: values };
}
