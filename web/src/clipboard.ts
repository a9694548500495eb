// Copying text for the Copy buttons. The Clipboard API exists only in a secure context (https, or
// localhost): on a plain-http server reached by its host name `navigator.clipboard` is undefined,
// so the text is copied the old way, through a selected textarea and document.execCommand('copy').

/** Whether the text reached the clipboard; false: the caller selects it for the person to copy. */
export async function copyText(text: string): Promise<boolean> {
  try {
    // Undefined outside a secure context, whatever the types say.
    const clipboard = navigator.clipboard as Clipboard | undefined;
    if (clipboard !== undefined) {
      await clipboard.writeText(text);
      return true;
    }
  } catch {
    // Refused (no permission, the page not focused): try the old way.
  }
  const before = document.activeElement;
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.setAttribute('aria-hidden', 'true');
  Object.assign(area.style, { position: 'fixed', top: '0', left: '0', opacity: '0', pointerEvents: 'none' });
  document.body.append(area);
  area.select();
  let copied: boolean;
  try {
    copied = document.execCommand('copy');
  } catch {
    copied = false;
  }
  area.remove();
  if (before instanceof HTMLElement) before.focus();
  return copied;
}
