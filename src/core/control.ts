// Control characters in text from people and from other systems: none but tab and line breaks
// belongs in a name, a note or a reply, PostgreSQL cannot store NUL at all, and they would reach
// mail headers, invites and exports. The bidirectional embedding and override controls (U+202A to
// U+202E) count too: one left open in a name reverses what a page shows after it ("rep" as "per",
// "exe.png" for "gnp.exe"); RTL text itself needs none. Typed text with one is refused
// (app/inputs.ts); text read from elsewhere (an email) loses them.

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u202a-\u202e]/;
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u202a-\u202e]/g;

/** The first control character of the text as its code point ("U+0000"), or undefined when there is none. */
export function firstControl(text: string): string | undefined {
  const found = CONTROL.exec(text);
  return found === null
    ? undefined
    : `U+${found[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/** The text without its control characters (tab and line breaks stay). */
export function withoutControls(text: string): string {
  return CONTROL.test(text) ? text.replace(CONTROLS, '') : text;
}
