import { createContext, useCallback, useContext, useMemo, useRef, useState } from 'react';
import type { ReactNode } from 'react';

type Announce = (message: string) => void;

const AnnouncerContext = createContext<Announce | null>(null);

/**
 * One polite live region for the whole app. Screen readers only announce changes to a region
 * that already exists, so it is rendered once, empty, and messages are swapped into it.
 */
export function AnnouncerProvider({ children }: { children: ReactNode }) {
  const [message, setMessage] = useState('');
  const counter = useRef(0);

  const announce = useCallback<Announce>((next) => {
    counter.current += 1;
    // A trailing zero-width marker that flips each time makes a repeated message count as new.
    setMessage(counter.current % 2 === 0 ? next : `${next}\u200b`);
  }, []);

  const value = useMemo(() => announce, [announce]);

  return (
    <AnnouncerContext.Provider value={value}>
      {children}
      <div className="visually-hidden" role="status" aria-live="polite" aria-atomic="true">
        {message}
      </div>
    </AnnouncerContext.Provider>
  );
}

export function useAnnounce(): Announce {
  const announce = useContext(AnnouncerContext);
  if (!announce) {
    throw new Error('useAnnounce must be used inside <AnnouncerProvider>');
  }
  return announce;
}
