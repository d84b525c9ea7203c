'use client';

import { useEffect, useRef, useState } from 'react';
import type { Words } from '@/lib/i18n/en';
import { ISLAND_BUTTON } from './island-button';

type Listening = 'idle' | 'speaking' | 'paused';

/** Where reading aloud stopped: the paragraph (or subheading) and the character within it. */
interface Place {
  block: number;
  char: number;
}

/** The browser's voice for a language: one of the same tag (`en-GB`), else of the same language (`en`). */
function voiceFor(language: string): SpeechSynthesisVoice | null {
  const wanted = language.toLowerCase();
  const primary = wanted.split('-')[0];
  const voices = window.speechSynthesis.getVoices();
  return (
    voices.find((voice) => voice.lang.toLowerCase().replace('_', '-') === wanted) ??
    voices.find((voice) => voice.lang.toLowerCase().split(/[-_]/u)[0] === primary) ??
    null
  );
}

/**
 * "Listen": the article read aloud by the browser's own speech synthesis (no server, no
 * network), paragraph by paragraph, the one being read marked on the page; it pauses and resumes
 * where it stopped, to the word where the browser says which word it reads. Shown only where the
 * browser has a voice for the article's language (its element's `lang`, else the page's), so
 * never without JavaScript; the paragraphs are read from the page, not sent again as data.
 */
export function ListenToArticle({ words }: { words: Words['listen'] }) {
  const [voice, setVoice] = useState<SpeechSynthesisVoice | null>(null);
  const [listening, setListening] = useState<Listening>('idle');
  const blocks = useRef<HTMLElement[]>([]);
  const place = useRef<Place>({ block: 0, char: 0 });
  // The utterance being read: one that ends after it was replaced or cancelled is not followed.
  const current = useRef<SpeechSynthesisUtterance | null>(null);

  useEffect(() => {
    if (!('speechSynthesis' in window) || typeof window.SpeechSynthesisUtterance !== 'function') return;
    const body = document.querySelector<HTMLElement>('[data-article-body]');
    if (!body) return;
    blocks.current = [...body.children] as HTMLElement[];
    const language = body.closest<HTMLElement>('[lang]')?.lang || 'en';
    const synthesis = window.speechSynthesis;
    // Browsers load their voices late: the list changes once they are there.
    const find = () => setVoice(voiceFor(language));
    find();
    synthesis.addEventListener('voiceschanged', find);
    return () => {
      synthesis.removeEventListener('voiceschanged', find);
      current.current = null;
      synthesis.cancel();
      mark(blocks.current, -1);
    };
  }, []);

  if (!voice) return null;
  const chosen = voice;

  function speak(from: Place) {
    const block = blocks.current[from.block];
    if (!block) {
      stop();
      return;
    }
    const utterance = new SpeechSynthesisUtterance((block.textContent ?? '').slice(from.char));
    utterance.voice = chosen;
    utterance.lang = chosen.lang;
    utterance.onboundary = (event) => {
      if (current.current === utterance) place.current = { block: from.block, char: from.char + event.charIndex };
    };
    utterance.onend = () => {
      if (current.current !== utterance) return;
      place.current = { block: from.block + 1, char: 0 };
      speak(place.current);
    };
    place.current = from;
    current.current = utterance;
    mark(blocks.current, from.block);
    window.speechSynthesis.speak(utterance);
  }

  function silence() {
    current.current = null;
    window.speechSynthesis.cancel();
  }

  function toggle() {
    if (listening === 'speaking') {
      // Cancelled rather than paused: a paused utterance is lost by some browsers after a while.
      silence();
      setListening('paused');
    } else {
      setListening('speaking');
      speak(place.current);
    }
  }

  function stop() {
    silence();
    place.current = { block: 0, char: 0 };
    mark(blocks.current, -1);
    setListening('idle');
  }

  return (
    <div className="flex flex-wrap items-center gap-3 print:hidden">
      <button
        type="button"
        onClick={toggle}
        aria-label={listening === 'idle' ? words.label : undefined}
        className={ISLAND_BUTTON}
      >
        <svg aria-hidden="true" viewBox="0 0 20 20" className="size-4 fill-current">
          {listening === 'speaking' ? <path d="M5 4h3.5v12H5zm6.5 0H15v12h-3.5z" /> : <path d="M6 3.5v13l10-6.5z" />}
        </svg>
        {listening === 'speaking' ? words.pause : listening === 'paused' ? words.resume : words.listen}
      </button>
      {listening !== 'idle' && (
        <button type="button" onClick={stop} className={ISLAND_BUTTON}>
          {words.stop}
        </button>
      )}
      <p role="status" className="sr-only">
        {listening === 'speaking' ? words.reading : listening === 'paused' ? words.paused : ''}
      </p>
    </div>
  );
}

/** Marks the block being read (`data-speaking`, styled in globals.css) and brings it into view; -1 marks none. */
function mark(blocks: readonly HTMLElement[], index: number) {
  blocks.forEach((block, at) => {
    if (at !== index) block.removeAttribute('data-speaking');
  });
  const block = blocks[index];
  if (!block || block.hasAttribute('data-speaking')) return;
  block.setAttribute('data-speaking', '');
  const still = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  block.scrollIntoView({ block: 'nearest', behavior: still ? 'auto' : 'smooth' });
}
