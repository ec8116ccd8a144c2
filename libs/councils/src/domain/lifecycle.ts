export type SessionStatus = 'planned' | 'announced' | 'held' | 'cancelled';
export type SessionAction = 'announce' | 'publish-minutes' | 'cancel' | 'edit-agenda';

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
      return status === 'planned' || status === 'announced';
  }
}
