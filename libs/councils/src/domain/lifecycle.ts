export type SessionStatus = 'planned' | 'announced' | 'held' | 'cancelled';
export type SessionAction = 'announce' | 'publish-minutes' | 'cancel' | 'edit-agenda' | 'remove-document';

/** Which session actions each status allows: announce once, minutes only after the session started. */
export function sessionAllows(status: SessionStatus, action: SessionAction, started: boolean): boolean {
  switch (action) {
    case 'announce':
      return status === 'planned';
    case 'publish-minutes':
      return (status === 'announced' || status === 'planned' || status === 'held') && started;
    case 'cancel':
      return status === 'planned' || status === 'announced';
    case 'edit-agenda':
    case 'remove-document':
      return status === 'planned' || status === 'announced';
  }
}

/**
 * A session's papers are public once it is announced (or held): a draft may carry drafts nobody should
 * read yet. Cancelled after announcement, what was published stays published.
 */
export function documentsArePublic(session: { status: SessionStatus; announcedAt: Date | null }): boolean {
  return session.status === 'held' || session.announcedAt !== null;
}
