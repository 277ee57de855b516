// A box that opens at a point (a context menu, a rename box) and stays inside the pane that holds
// it: moved left when it would run off the right edge, opened upwards when it would run off the
// bottom.
import { useLayoutEffect, useRef, useState, type ReactNode } from 'react';

const GAP = 4;

export function Floating({
  x,
  y,
  className,
  testId,
  children,
}: {
  x: number;
  y: number;
  className: string;
  testId?: string;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const [at, setAt] = useState<{ left: number; top: number } | null>(null);
  useLayoutEffect(() => {
    const el = ref.current;
    const pane = el?.offsetParent as HTMLElement | null;
    if (!el || !pane) return;
    const w = el.offsetWidth;
    const h = el.offsetHeight;
    const left = Math.max(GAP, Math.min(x, pane.clientWidth - w - GAP));
    const below = y + h + GAP <= pane.clientHeight;
    const top = below ? y : Math.max(GAP, Math.min(y - h, pane.clientHeight - h - GAP));
    setAt((p) => (p && p.left === left && p.top === top ? p : { left, top }));
  }, [x, y, children]);
  // Moved in a layout effect, before the browser paints: it never shows off the edge.
  return (
    <div ref={ref} className={`floating ${className}`} data-testid={testId} style={at ?? { left: x, top: y }}>
      {children}
    </div>
  );
}
