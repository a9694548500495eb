// "Review and send": a button beside the logging ones opens the email's draft and puts the focus on
// its Send button, so the rep reads the email (and can edit it) before it goes. Once sent, the Send
// button is gone: the focus moves to what became of the email.
//
// The focus is moved after the render that shows its target (an effect that runs after every
// render until the target is there), not on the next animation frame: React may commit the render
// after that frame, and the focus would then fall to the page when the Send button goes.

import { useEffect, useRef, useState } from 'react';

export function useDraftOpener<T extends HTMLElement>() {
  const [open, setOpen] = useState(false);
  /** The element that holds the draft. */
  const holder = useRef<T>(null);
  /** What should take the focus once it is rendered, as a selector within the holder. */
  const focusNext = useRef<string | null>(null);
  useEffect(() => {
    if (focusNext.current === null) return;
    const target = holder.current?.querySelector<HTMLElement>(focusNext.current);
    if (target == null) return;
    focusNext.current = null;
    target.focus();
  });
  const review = () => {
    focusNext.current = '.draft-actions button';
    setOpen(true);
  };
  /** Call it in the same turn as the state change that shows the email's state. */
  const sent = () => {
    focusNext.current = '.email-state > p';
  };
  return { open, setOpen, holder, review, sent };
}
