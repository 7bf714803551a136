import type { Me } from '@lis/contracts';
import { type ReactNode, useEffect, useRef } from 'react';
import { UserMenu } from '../features/auth/components/user-menu';
import { Link, useLocationHref } from '../lib/navigation';
import { useOrgTree } from '../lib/org-units';
import { MainNav } from './routes/main-nav';

/** Header with the municipality, the user and sign-out, the sections; the page below. */
export function AppLayout({ me, children }: { me: Me; children: ReactNode }) {
  const municipality = useOrgTree().data?.roots[0]?.name;
  const mainRef = useFocusMainAfterNavigation();
  return (
    <>
      <a className="skip-link" href="#main">
        Spring til indhold
      </a>
      <header className="app-header">
        <Link
          href="/"
          className="brand"
          aria-label={`LIS, ledelsesinformation${municipality ? ` for ${municipality}` : ''}: forsiden`}
        >
          <span className="brand__name">LIS</span>
          <span className="brand__sub">Ledelsesinformation{municipality ? ` · ${municipality}` : ''}</span>
        </Link>
        <UserMenu me={me} />
      </header>
      <MainNav role={me.role} />
      <main id="main" className="app-main" ref={mainRef} tabIndex={-1}>
        {children}
      </main>
    </>
  );
}

/**
 * After a navigation that removed the focused element (a picker closing, a tile link), focus
 * moves to the page so keyboard and screen-reader users start at the new content.
 */
function useFocusMainAfterNavigation() {
  const href = useLocationHref();
  const mainRef = useRef<HTMLElement>(null);
  const first = useRef(true);
  // biome-ignore lint/correctness/useExhaustiveDependencies: href is the trigger: each navigation runs it once
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const frame = requestAnimationFrame(() => {
      const active = document.activeElement;
      if (!active || active === document.body || !active.isConnected) mainRef.current?.focus({ preventScroll: true });
    });
    return () => cancelAnimationFrame(frame);
  }, [href]);
  return mainRef;
}
