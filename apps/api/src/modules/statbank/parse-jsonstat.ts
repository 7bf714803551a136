import {
  parseStatbankValue,
  type StatbankCell,
  StatbankError,
  type StatbankObservation,
  type StatbankTable,
  withoutSingleContents,
} from './statbank-table.ts';

type JsonObject = Record<string, unknown>;

interface Dimension {
  name: string;
  cells: StatbankCell[];
}

/**
 * JSON-stat 2.0 (a dataset with `version`, `id`, `size` at the top) or 1.x (DST's format=jsonstat:
 * a bundle `{"dataset": {...}}` whose `dimension` holds `id` and `size`).
 */
export function parseJsonStat(json: unknown): StatbankTable {
  if (Array.isArray(json))
    throw new StatbankError('the JSON is a list (a /v1/tables or /v1/subjects response?), not a JSON-stat extract');
  if (!isObject(json)) throw new StatbankError('the JSON is not an object, so it is no JSON-stat extract');
  if (json.version === '2.0' || json.class === 'dataset') {
    return readDataset('jsonstat2', json.id, json.size, json.dimension, json.value);
  }
  if (isObject(json.dimension)) return readVersion1(json);
  const datasets = Object.values(json).filter((v): v is JsonObject => isObject(v) && isObject(v.dimension));
  if (datasets.length > 1)
    throw new StatbankError(`the JSON-stat bundle holds ${datasets.length} datasets; give one table per file`);
  if (datasets[0]) return readVersion1(datasets[0]);
  if (Array.isArray(json.variables)) {
    throw new StatbankError(
      'this is a tableinfo response (the table description), not data: request /v1/data as CSV or JSONSTAT',
    );
  }
  throw new StatbankError(
    `the JSON is neither a JSON-stat 1.x bundle nor a JSON-stat 2.0 dataset (keys: ${Object.keys(json).join(', ')})`,
  );
}

function readVersion1(dataset: JsonObject): StatbankTable {
  const dimension = dataset.dimension as JsonObject;
  return readDataset('jsonstat1', dimension.id, dimension.size, dimension, dataset.value);
}

function readDataset(
  format: StatbankTable['format'],
  ids: unknown,
  sizes: unknown,
  dimension: unknown,
  value: unknown,
): StatbankTable {
  if (!isStringArray(ids)) throw new StatbankError('JSON-stat: `id` must be an array of dimension names');
  if (!Array.isArray(sizes) || sizes.length !== ids.length || !sizes.every((s) => Number.isInteger(s) && s >= 0)) {
    throw new StatbankError('JSON-stat: `size` must give a category count for every dimension in `id`');
  }
  if (!isObject(dimension)) throw new StatbankError('JSON-stat: `dimension` is missing');
  const dims = ids.map((id, i) => readDimension(id, dimension[id], sizes[i] as number));
  const total = dims.reduce((n, d) => n * d.cells.length, 1);
  const values = readValues(value, total);
  const observations: StatbankObservation[] = [];
  for (let flat = 0; flat < total; flat++) {
    // Row-major: the last dimension in `id` varies fastest.
    const positions: number[] = [];
    let rest = flat;
    for (let d = dims.length - 1; d >= 0; d--) {
      const size = dims[d]?.cells.length ?? 1;
      positions[d] = rest % size;
      rest = Math.floor(rest / size);
    }
    const cells = Object.fromEntries(dims.map((dim, d) => [dim.name, dim.cells[positions[d] ?? 0] as StatbankCell]));
    observations.push({ dims: cells, value: values[flat] ?? null });
  }
  return withoutSingleContents({ format, variables: dims.map((d) => d.name), observations });
}

function readDimension(id: string, dimension: unknown, size: number): Dimension {
  const category = isObject(dimension) ? dimension.category : undefined;
  if (!isObject(category)) throw new StatbankError(`JSON-stat: dimension ${id} has no category`);
  const labels = isObject(category.label) ? category.label : {};
  const codes = categoryCodes(id, category.index, labels);
  if (codes.length !== size)
    throw new StatbankError(`JSON-stat: dimension ${id} has ${codes.length} categories, size says ${size}`);
  const cells = codes.map((code) => ({ code, label: typeof labels[code] === 'string' ? labels[code] : null }));
  return { name: id.toUpperCase(), cells };
}

function categoryCodes(id: string, index: unknown, labels: JsonObject): string[] {
  if (isStringArray(index)) return index;
  // Without an index the dimension has a single category, named by its label.
  if (index === undefined) return Object.keys(labels);
  if (!isObject(index)) throw new StatbankError(`JSON-stat: dimension ${id} has an unreadable category index`);
  const codes: string[] = [];
  for (const [code, position] of Object.entries(index)) {
    if (!Number.isInteger(position) || codes[position as number] !== undefined) {
      throw new StatbankError(`JSON-stat: dimension ${id}, category ${code} has a bad index position`);
    }
    codes[position as number] = code;
  }
  // Positions must be exactly 0..n-1: any gap makes the array longer than the number of codes.
  if (codes.length !== Object.keys(index).length) {
    throw new StatbankError(`JSON-stat: dimension ${id} has gaps in its category index`);
  }
  return codes;
}

/** A dense array, or an object keyed by position where absent positions have no figure. */
function readValues(value: unknown, total: number): (number | null)[] {
  if (Array.isArray(value)) {
    if (value.length !== total) throw new StatbankError(`JSON-stat: ${value.length} values for ${total} cells of the cube`);
    return value.map((v, i) => toNumber(v, i));
  }
  if (!isObject(value)) throw new StatbankError('JSON-stat: `value` is missing');
  const values: (number | null)[] = new Array(total).fill(null);
  for (const [key, v] of Object.entries(value)) {
    const position = Number(key);
    if (!Number.isInteger(position) || position < 0 || position >= total) {
      throw new StatbankError(`JSON-stat: value position ${key} is outside the cube of ${total} cells`);
    }
    values[position] = toNumber(v, position);
  }
  return values;
}

function toNumber(value: unknown, position: number): number | null {
  if (value === null || (typeof value === 'number' && Number.isFinite(value))) return value;
  const parsed = typeof value === 'string' ? parseStatbankValue(value) : undefined;
  if (parsed === undefined)
    throw new StatbankError(`JSON-stat: the value at position ${position} is not a number: ${JSON.stringify(value)}`);
  return parsed;
}

const isObject = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);
const isStringArray = (value: unknown): value is string[] => Array.isArray(value) && value.every((v) => typeof v === 'string');
