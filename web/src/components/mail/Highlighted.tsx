// A reply's own words with the phrases that decided how it was read marked (<mark>), wherever they
// occur, whatever their case.

import type { ReactNode } from 'react';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function Highlighted({ text, phrases }: { text: string; phrases: string[] }) {
  const wanted = phrases.map((p) => p.trim()).filter((p) => p !== '');
  if (wanted.length === 0) return <>{text}</>;
  // Longest first, so that a phrase inside another is not marked alone.
  const pattern = new RegExp(
    `(${[...wanted]
      .sort((a, b) => b.length - a.length)
      .map(escape)
      .join('|')})`,
    'gi',
  );
  const parts: ReactNode[] = text
    .split(pattern)
    .map((part, i) => (i % 2 === 1 ? <mark key={i}>{part}</mark> : part));
  return <>{parts}</>;
}
