/**
 * Work typed into a form and not yet saved keeps the user on the page: leaving (a link, the back
 * button, another project or date of the page, closing the tab) asks first. Forms report whether they hold unsaved work; the page's
 * guard asks once for all of them.
 */
import { App } from 'antd';
import { createContext, useCallback, useContext, useEffect, useId, useState, type ReactNode } from 'react';
import { useBlocker } from 'react-router';
import { useMessages } from '../app/locale.tsx';

const Report = createContext<(id: string, dirty: boolean) => void>(() => undefined);

export function UnsavedGuard({ children }: { children: ReactNode }) {
  const m = useMessages().web.common;
  const { modal } = App.useApp();
  const [dirty, setDirty] = useState<ReadonlySet<string>>(new Set());
  const report = useCallback(
    (id: string, isDirty: boolean) =>
      setDirty((s) => {
        if (s.has(id) === isDirty) return s;
        const next = new Set(s);
        if (isDirty) next.add(id);
        else next.delete(id);
        return next;
      }),
    [],
  );
  const blocked = dirty.size > 0;
  // Another project or date of the same page unmounts the forms too: any change of address asks.
  const blocker = useBlocker(
    ({ currentLocation: from, nextLocation: to }) => blocked && (from.pathname !== to.pathname || from.search !== to.search),
  );
  useEffect(() => {
    if (blocker.state !== 'blocked') return;
    modal.confirm({
      title: m.leaveUnsaved,
      okText: m.leave,
      cancelText: m.stay,
      onOk: () => blocker.proceed(),
      onCancel: () => blocker.reset(),
    });
  }, [blocker, modal, m]);
  useEffect(() => {
    if (!blocked) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [blocked]);
  return <Report.Provider value={report}>{children}</Report.Provider>;
}

/** Tells the page's guard whether this form holds unsaved work. */
export function useUnsaved(dirty: boolean): void {
  const id = useId();
  const report = useContext(Report);
  useEffect(() => {
    report(id, dirty);
    return () => report(id, false);
  }, [id, dirty, report]);
}
