import { useEffect, useId, useRef, useState } from 'react';
import type { HTMLAttributes, KeyboardEvent, ReactNode } from 'react';

/** Where the stage page turns into one column (as in stage.css). */
const phoneQuery = '(max-width: 48rem)';

export function usePhoneLayout(): boolean {
  const [phone, setPhone] = useState(() => window.matchMedia(phoneQuery).matches);
  useEffect(() => {
    const query = window.matchMedia(phoneQuery);
    const onChange = () => setPhone(query.matches);
    query.addEventListener('change', onChange);
    onChange();
    return () => query.removeEventListener('change', onChange);
  }, []);
  return phone;
}

/**
 * On a phone the panels beside the video (questions, polls, chat) would stack into a long
 * scroll below it; there they become tabs right under the video, one panel at a time. The
 * panels stay where they are in the page and only get hidden, so nothing is mounted anew when
 * a phone turns sideways: a half-written question or the chat's place is kept.
 */
export function useStageTabs<K extends string>(
  tabs: ReadonlyArray<{ key: K; label: string }>,
  label: string,
): { tablist: ReactNode; panelProps: (key: K) => HTMLAttributes<HTMLDivElement> } {
  const phone = usePhoneLayout();
  const baseId = useId();
  const [selected, setSelected] = useState<K | undefined>(tabs[0]?.key);
  const buttons = useRef(new Map<K, HTMLButtonElement>());
  const tabId = (key: K) => `${baseId}-tab-${key}`;
  const panelId = (key: K) => `${baseId}-panel-${key}`;
  if (!phone) return { tablist: null, panelProps: () => ({}) };

  const move = (event: KeyboardEvent, index: number) => {
    const last = tabs.length - 1;
    const to: Record<string, number> = {
      ArrowRight: index === last ? 0 : index + 1,
      ArrowLeft: index === 0 ? last : index - 1,
      Home: 0,
      End: last,
    };
    const target = tabs[to[event.key] ?? -1];
    if (!target) return;
    event.preventDefault();
    setSelected(target.key);
    buttons.current.get(target.key)?.focus();
  };
  const tablist = (
    <div role="tablist" aria-label={label} className="stage-tablist">
      {tabs.map((tab, index) => (
        <button
          key={tab.key}
          ref={(element) => {
            if (element) buttons.current.set(tab.key, element);
            else buttons.current.delete(tab.key);
          }}
          type="button"
          role="tab"
          id={tabId(tab.key)}
          aria-controls={panelId(tab.key)}
          aria-selected={tab.key === selected}
          tabIndex={tab.key === selected ? 0 : -1}
          onClick={() => setSelected(tab.key)}
          onKeyDown={(event) => move(event, index)}
        >
          {tab.label}
        </button>
      ))}
    </div>
  );
  return {
    tablist,
    panelProps: (key) => ({
      role: 'tabpanel',
      id: panelId(key),
      'aria-labelledby': tabId(key),
      hidden: key !== selected,
    }),
  };
}
