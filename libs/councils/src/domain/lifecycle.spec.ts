import { documentsArePublic, sessionAllows } from './lifecycle';

describe('session lifecycle', () => {
  it('announces a planned session once', () => {
    expect(sessionAllows('planned', 'announce', false)).toBe(true);
    expect(sessionAllows('announced', 'announce', false)).toBe(false);
  });

  it('takes minutes only once the session has started, and again to correct them', () => {
    expect(sessionAllows('announced', 'publish-minutes', false)).toBe(false);
    expect(sessionAllows('announced', 'publish-minutes', true)).toBe(true);
    expect(sessionAllows('held', 'publish-minutes', true)).toBe(true);
    expect(sessionAllows('cancelled', 'publish-minutes', true)).toBe(false);
  });

  it('cancels and edits the agenda only before the session is held', () => {
    expect(sessionAllows('held', 'cancel', true)).toBe(false);
    expect(sessionAllows('held', 'edit-agenda', true)).toBe(false);
    expect(sessionAllows('announced', 'edit-agenda', false)).toBe(true);
  });

  it('removes a document only before the session is held', () => {
    expect(sessionAllows('announced', 'remove-document', true)).toBe(true);
    expect(sessionAllows('held', 'remove-document', true)).toBe(false);
    expect(sessionAllows('cancelled', 'remove-document', false)).toBe(false);
  });

  it('keeps the papers of a draft session private until it is announced', () => {
    expect(documentsArePublic({ status: 'planned', announcedAt: null })).toBe(false);
    expect(documentsArePublic({ status: 'cancelled', announcedAt: null })).toBe(false);
    expect(documentsArePublic({ status: 'announced', announcedAt: new Date() })).toBe(true);
    expect(documentsArePublic({ status: 'cancelled', announcedAt: new Date() })).toBe(true);
    expect(documentsArePublic({ status: 'held', announcedAt: null })).toBe(true);
  });
});
