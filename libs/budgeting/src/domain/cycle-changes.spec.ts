import { changedSettings } from './cycle-changes';

describe('what an edit changes in a cycle', () => {
  const base = {
    totalBudget: 50_000,
    title: { ka: 'ბიუჯეტი', en: 'Budget' },
    districtBudgets: [
      { settlementId: 'a', budget: 10_000 },
      { settlementId: 'b', budget: 20_000 },
    ],
    votingFrom: new Date('2027-09-01T05:00:00.000Z') as Date | null,
  };
  const fields = ['totalBudget', 'title', 'districtBudgets', 'votingFrom'] as const;

  it('sees nothing when the same settings come back in another order and without seconds', () => {
    const again = {
      totalBudget: 50_000,
      title: { en: 'Budget', ka: 'ბიუჯეტი' },
      districtBudgets: [
        { budget: 20_000, settlementId: 'b' },
        { settlementId: 'a', budget: 10_000 },
      ],
      votingFrom: new Date('2027-09-01T05:00:30.000Z'),
    };
    expect(changedSettings(base, again, fields)).toEqual([]);
  });

  it('names each setting whose value differs', () => {
    const next = {
      ...base,
      totalBudget: 60_000,
      districtBudgets: [{ settlementId: 'a', budget: 10_000 }],
      votingFrom: null,
    };
    expect(changedSettings(base, next, fields)).toEqual(['totalBudget', 'districtBudgets', 'votingFrom']);
  });
});
