import type { HighlightedText } from '@/lib/search/highlight';

/** Text with the words a search matched in <mark>: segments rendered as React text, never as HTML. */
export function Highlighted({ segments }: { segments: HighlightedText }) {
  return segments.map((segment, index) =>
    segment.marked ? <mark key={index}>{segment.text}</mark> : <span key={index}>{segment.text}</span>,
  );
}
