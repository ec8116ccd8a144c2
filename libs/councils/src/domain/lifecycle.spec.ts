import { sessionAllows } from './lifecycle';

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
});
