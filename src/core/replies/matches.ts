// Iterating a global regex's matches. String.prototype.matchAll copies the regex on every call,
// which costs more than the match itself on the short texts of replies; this reuses it.

/** Every match of a global (g) regex in the text, in order; an empty match advances by one. */
export function* matches(regex: RegExp, text: string): Generator<RegExpExecArray> {
  regex.lastIndex = 0;
  for (let m = regex.exec(text); m !== null; m = regex.exec(text)) {
    if (m[0] === '') regex.lastIndex += 1;
    const at = regex.lastIndex;
    yield m;
    // A caller may run the same regex on another text between two steps: resume where we were.
    regex.lastIndex = at;
  }
}
