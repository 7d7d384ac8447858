/** Opens a document for editing: loads it once, then the DocumentSession owns the working copy. */
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, useSyncExternalStore } from 'react';
import { endpoints } from '../api/endpoints.ts';
import { DocumentSession, type SessionApi, type SessionSnapshot } from './document-session.ts';
import { stale } from '../api/queries.ts';

const sessionApi: SessionApi = {
  load: endpoints.document,
  saveDepartment: endpoints.saveDepartment,
  saveProject: endpoints.saveProject,
  addProject: endpoints.addProject,
  deleteProject: endpoints.deleteProject,
};

const EMPTY = { subscribe: () => () => undefined, getSnapshot: () => null };

export function useDocumentSession(id: number): { session: DocumentSession | null; snapshot: SessionSnapshot | null; error: unknown } {
  const [session, setSession] = useState<DocumentSession | null>(null);
  const [error, setError] = useState<unknown>(null);
  const client = useQueryClient();

  useEffect(() => {
    let open: DocumentSession | null = null;
    let cancelled = false;
    setSession(null);
    setError(null);
    endpoints.document(id).then(
      (stored) => {
        if (cancelled) return;
        open = new DocumentSession(stored, sessionApi);
        setSession(open);
      },
      (e: unknown) => !cancelled && setError(e),
    );
    return () => {
      cancelled = true;
      // Leaving the page saves what is pending; lists shown next reflect it.
      void open?.save().finally(() => stale.everything(client));
      open?.dispose();
    };
  }, [id, client]);

  const source = session ?? EMPTY;
  const snapshot = useSyncExternalStore(source.subscribe, source.getSnapshot);
  return { session, snapshot, error };
}
