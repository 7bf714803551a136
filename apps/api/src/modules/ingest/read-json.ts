import { MAX_LINE_CHARS, readError } from './errors.ts';

/**
 * Streams the objects of a top-level JSON array without holding the file in memory:
 * each element's text is cut out by tracking nesting and strings, then parsed on its own.
 * An element may be at most MAX_LINE_CHARS long and MAX_DEPTH deep (a row is flat; the bounds
 * keep one hostile element from taking the server's memory or stack).
 */

const MAX_DEPTH = 32;

export interface JsonItem {
  /** line where the element starts */
  line: number;
  object: Record<string, unknown> | null;
  error: string | null;
}

export async function* readJsonObjects(
  text: AsyncIterable<string | Buffer> | Iterable<string | Buffer>,
): AsyncGenerator<JsonItem> {
  let line = 1;
  let state = 'before' as 'before' | 'between' | 'element' | 'after';
  let depth = 0;
  let inString = false;
  let escaped = false;
  let element = '';
  let elementLine = 1;
  let expectingElement = true;

  for await (const chunk of text) {
    const s = typeof chunk === 'string' ? chunk : chunk.toString('utf8');
    let start = 0;
    for (let i = 0; i < s.length; i++) {
      const c = s[i] as string;
      if (c === '\n') line++;
      if (state === 'element') {
        if (inString) {
          if (escaped) escaped = false;
          else if (c === '\\') escaped = true;
          else if (c === '"') inString = false;
        } else if (c === '"') inString = true;
        else if (c === '{' || c === '[') {
          if (++depth > MAX_DEPTH) throw readError(elementLine, `objektet er indlejret i mere end ${MAX_DEPTH} niveauer`);
        } else if (c === '}' || c === ']') {
          depth--;
          if (depth === 0) {
            element += s.slice(start, i + 1);
            if (element.length > MAX_LINE_CHARS) throw tooLong(elementLine);
            yield toItem(element, elementLine);
            element = '';
            state = 'between';
            expectingElement = false;
          }
        }
        continue;
      }
      if (c === ' ' || c === '\t' || c === '\r' || c === '\n' || c === '\uFEFF') continue;
      if (state === 'before') {
        if (c !== '[') throw new SyntaxError(`line ${line}: en JSON-leverance skal være en liste (array) af objekter`);
        state = 'between';
      } else if (state === 'between') {
        if (c === ']') state = 'after';
        else if (c === ',' && !expectingElement) expectingElement = true;
        else if (c === '{' && expectingElement) {
          state = 'element';
          depth = 1;
          start = i;
          elementLine = line;
        } else throw new SyntaxError(`line ${line}: forventede et objekt i listen, fandt "${c}"`);
      } else throw new SyntaxError(`line ${line}: uventet "${c}" efter listens slutning`);
    }
    if (state === 'element') {
      element += s.slice(start);
      if (element.length > MAX_LINE_CHARS) throw tooLong(elementLine);
    }
  }
  if (state !== 'after') throw new SyntaxError(`line ${line}: JSON-listen er ikke lukket`);
}

const tooLong = (line: number) =>
  readError(line, 'objektet er længere end 1.048.576 tegn (1 MB), den største længde en række må have');

function toItem(text: string, line: number): JsonItem {
  try {
    return { line, object: JSON.parse(text) as Record<string, unknown>, error: null };
  } catch (error) {
    return { line, object: null, error: `ikke gyldig JSON: ${(error as Error).message}` };
  }
}
