import { useWindowVirtualizer, type VirtualItem } from '@tanstack/react-virtual';
import { useCallback, useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { useNavigationType } from 'react-router';
import './shared.css';

/** Rows rendered beyond the viewport on each side: enough for fast flicks and Tab. */
const OVERSCAN_ROWS = 8;
/** Ask for the next page this many rows before the end, so scrolling never hits the bottom. */
const LOAD_AHEAD_ROWS = 15;

/**
 * Where a feed was when it unmounted, by `restoreKey`: its scroll offset, where it started
 * on the page, and the heights of the rows measured. Back to the feed restores all three,
 * so the same rows are under the same offset (estimates would put other rows there).
 */
interface FeedSnapshot {
  readonly rows: VirtualItem[];
  readonly offsetPx: number;
  readonly marginPx: number;
}
const snapshots = new Map<string, FeedSnapshot>();
const SNAPSHOTS_MAX = 3;

function keep(key: string, snapshot: FeedSnapshot): void {
  snapshots.delete(key);
  snapshots.set(key, snapshot);
  while (snapshots.size > SNAPSHOTS_MAX) snapshots.delete(snapshots.keys().next().value!);
}

interface VirtualFeedProps<T> {
  readonly items: readonly T[];
  /** Keep it stable (a module-level function): a new one each render re-lays out every row. */
  readonly getKey: (item: T) => string;
  /** First guess of a row's height in px; real heights are measured as rows render. */
  readonly estimatedRowPx: number;
  readonly renderRow: (item: T, index: number) => ReactNode;
  readonly busy?: boolean;
  readonly onNearEnd?: () => void;
  readonly label: string;
  /** Remember the position under this key, for lists that Back returns to. */
  readonly restoreKey?: string;
}

/**
 * A window-scrolled, virtualised list of articles: only the rows near the viewport are in
 * the DOM, so 10,000 rows scroll like 20. It is an ARIA feed, so screen readers know rows
 * are added as you go.
 */
export function VirtualFeed<T>({
  items,
  getKey,
  estimatedRowPx,
  renderRow,
  busy = false,
  onNearEnd,
  label,
  restoreKey,
}: VirtualFeedProps<T>) {
  const listRef = useRef<HTMLDivElement>(null);
  const navigationType = useNavigationType();
  // Only Back/Forward returns to the old position; a link to the list starts at the top.
  const [restored] = useState(() =>
    restoreKey && navigationType === 'POP' ? snapshots.get(restoreKey) : undefined,
  );
  const [scrollMargin, setScrollMargin] = useState(restored?.marginPx ?? 0);

  // The list starts below the header; the virtualizer measures from the document's top.
  useLayoutEffect(() => {
    const list = listRef.current;
    if (!list) return;
    const measure = () => setScrollMargin(list.getBoundingClientRect().top + window.scrollY);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(document.body);
    return () => observer.disconnect();
  }, []);

  // Stable callbacks: the virtualizer recomputes every row's offset when they change, which
  // at 10,000 rows is too much work for every scroll frame.
  const getItemKey = useCallback((index: number) => getKey(items[index]!), [getKey, items]);
  const estimateSize = useCallback(() => estimatedRowPx, [estimatedRowPx]);
  const virtualizer = useWindowVirtualizer({
    count: items.length,
    estimateSize,
    overscan: OVERSCAN_ROWS,
    scrollMargin,
    getItemKey,
    initialMeasurementsCache: restored?.rows,
    initialOffset: restored?.offsetPx ?? 0,
  });

  // A layout effect's cleanup runs before the next page resets the scroll: the offset is still ours.
  useLayoutEffect(() => {
    const list = listRef.current;
    if (!restoreKey || !list) return;
    return () => {
      keep(restoreKey, {
        rows: virtualizer.takeSnapshot(),
        offsetPx: window.scrollY,
        marginPx: list.getBoundingClientRect().top + window.scrollY,
      });
    };
  }, [restoreKey, virtualizer]);

  const rows = virtualizer.getVirtualItems();
  const lastRendered = rows.at(-1)?.index ?? -1;

  useEffect(() => {
    if (onNearEnd && items.length > 0 && lastRendered >= items.length - LOAD_AHEAD_ROWS) onNearEnd();
  }, [lastRendered, items.length, onNearEnd]);

  return (
    <div
      ref={listRef}
      className="virtual-feed"
      role="feed"
      aria-label={label}
      aria-busy={busy}
      style={{ height: virtualizer.getTotalSize() }}
    >
      {rows.map((row) => (
        <div
          key={row.key}
          data-index={row.index}
          ref={virtualizer.measureElement}
          className="virtual-feed__row"
          style={{ transform: `translateY(${row.start - scrollMargin}px)` }}
        >
          {renderRow(items[row.index]!, row.index)}
        </div>
      ))}
    </div>
  );
}
