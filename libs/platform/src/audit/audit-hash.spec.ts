import { AuditContent, auditHash, GENESIS_HASH } from './audit-hash';

const row: AuditContent = {
  id: '1',
  occurredAt: new Date('2026-11-25T10:00:00.000Z'),
  actorId: null,
  actorLabel: 'system',
  action: 'petitions.registered',
  subjectType: 'petition',
  subjectId: 'p-1',
  summary: 'Registered',
  requestId: 'r-1',
  data: { b: 1, a: [1, { d: 2, c: 3 }] },
};

describe('auditHash', () => {
  it('does not depend on the order of keys in the data', () => {
    const reordered = { ...row, data: { a: [1, { c: 3, d: 2 }], b: 1 } };
    expect(auditHash(GENESIS_HASH, '1', reordered)).toBe(auditHash(GENESIS_HASH, '1', row));
  });

  it('changes when any content, the position or the previous hash changes', () => {
    const original = auditHash(GENESIS_HASH, '1', row);
    expect(auditHash(GENESIS_HASH, '1', { ...row, summary: 'Registered!' })).not.toBe(original);
    expect(auditHash(GENESIS_HASH, '2', row)).not.toBe(original);
    expect(auditHash('f'.repeat(64), '1', row)).not.toBe(original);
  });
});
