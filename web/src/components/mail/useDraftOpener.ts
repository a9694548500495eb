// "Review and send": a button beside the logging ones opens the email's draft and puts the focus on
// its Send button, so the rep reads the email (and can edit it) before it goes. Once sent, the Send
// button is gone: the focus moves to what became of the email.

import { useRef, useState } from 'react';

export function useDraftOpener<T extends HTMLElement>() {
  const [open, setOpen] = useState(false);
  /** The element that holds the draft. */
  const holder = useRef<T>(null);
  const review = () => {
    setOpen(true);
    requestAnimationFrame(() => holder.current?.querySelector<HTMLElement>('.draft-actions button')?.focus());
  };
  const sent = () =>
    requestAnimationFrame(() => holder.current?.querySelector<HTMLElement>('.email-state > p')?.focus());
  return { open, setOpen, holder, review, sent };
}
