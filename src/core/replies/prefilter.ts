// A cheap test run before a cue's regex: the literal words one of its matches must start with
// ("not", "unsubscrib", "out of"), found in the lexicon row's own source. A text that holds none of
// them cannot match, and String.includes is far cheaper than the regex, which is tried at every
// position. Only what is certain is used: a row whose start is optional, a class or an escape has
// no prefilter (undefined), and the regex always runs.

/** The top-level alternatives of a regex source. */
function alternatives(source: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let inClass = false;
  let start = 0;
  for (let i = 0; i < source.length; i += 1) {
    const c = source[i];
    if (c === '\\') i += 1;
    else if (inClass) inClass = c !== ']';
    else if (c === '[') inClass = true;
    else if (c === '(') depth += 1;
    else if (c === ')') depth -= 1;
    else if (c === '|' && depth === 0) {
      out.push(source.slice(start, i));
      start = i + 1;
    }
  }
  out.push(source.slice(start));
  return out;
}

/** The index of the parenthesis closing the one at `open`, or -1. */
function closing(source: string, open: number): number {
  let depth = 0;
  let inClass = false;
  for (let i = open; i < source.length; i += 1) {
    const c = source[i];
    if (c === '\\') i += 1;
    else if (inClass) inClass = c !== ']';
    else if (c === '[') inClass = true;
    else if (c === '(') depth += 1;
    else if (c === ')' && --depth === 0) return i;
  }
  return -1;
}

const OPTIONAL = /^(?:[?*]|\{0)/u;
const LITERAL = /^[\p{Ll}\d-]+/u;

function startsOf(alternative: string): string[] | undefined {
  let i = 0;
  // Zero-width guards in front ("(?<=^|[.!?] )", "^") say nothing of the match's first letters.
  while (
    alternative.startsWith('(?<', i) ||
    alternative.startsWith('(?=', i) ||
    alternative.startsWith('(?!', i) ||
    alternative[i] === '^'
  ) {
    if (alternative[i] === '^') i += 1;
    else {
      const end = closing(alternative, i);
      if (end === -1) return undefined;
      i = end + 1;
    }
  }
  if (alternative[i] === '(') {
    const end = closing(alternative, i);
    if (end === -1 || OPTIONAL.test(alternative.slice(end + 1))) return undefined;
    const inner = alternative.slice(alternative.startsWith('(?:', i) ? i + 3 : i + 1, end);
    return prefixes(inner);
  }
  let literal = LITERAL.exec(alternative.slice(i))?.[0] ?? '';
  // "e-?mail": the character a quantifier makes optional is not certain.
  if (OPTIONAL.test(alternative.slice(i + literal.length))) literal = literal.slice(0, -1);
  return literal.length >= 2 ? [literal] : undefined;
}

/** Literal starts, one of which every match of the source begins with; undefined when unknown. */
export function prefixes(source: string): string[] | undefined {
  const out: string[] = [];
  for (const alternative of alternatives(source)) {
    const starts = startsOf(alternative);
    if (starts === undefined) return undefined;
    out.push(...starts);
  }
  return [...new Set(out)];
}
