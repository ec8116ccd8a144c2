import { quorumNeeded, tally } from './tally';

describe('council vote arithmetic', () => {
  it('needs more than half of the members for quorum, and rounds the thirds up', () => {
    expect(quorumNeeded('more-than-half', 35)).toBe(18);
    expect(quorumNeeded('more-than-half', 36)).toBe(19);
    expect(quorumNeeded('one-third', 35)).toBe(12);
    expect(quorumNeeded('two-thirds', 35)).toBe(24);
    expect(quorumNeeded('two-thirds', 36)).toBe(24);
  });

  it('counts members who did not vote as absent and rejects a vote without quorum', () => {
    const result = tally({ yes: 9, no: 0, abstain: 0 }, 20, 'more-than-half', 'of-votes-cast');
    expect(result).toMatchObject({ present: 9, absent: 11, quorumNeeded: 11, quorate: false });
    expect(result.outcome).toBe('rejected');
  });

  it('counts abstentions toward quorum', () => {
    const result = tally({ yes: 6, no: 1, abstain: 4 }, 20, 'more-than-half', 'of-votes-cast');
    expect(result.quorate).toBe(true);
    expect(result.outcome).toBe('adopted');
  });

  it('treats an abstention like a no under a majority of those present', () => {
    // 11 present, 6 needed: 5 yes, 2 no and 4 abstentions fail although yes beats no.
    const result = tally({ yes: 5, no: 2, abstain: 4 }, 20, 'more-than-half', 'of-present');
    expect(result.yesNeeded).toBe(6);
    expect(result.outcome).toBe('rejected');
    expect(tally({ yes: 6, no: 1, abstain: 4 }, 20, 'more-than-half', 'of-present').outcome).toBe('adopted');
  });

  it('leaves abstentions out under a majority of votes cast, and a tie fails', () => {
    expect(tally({ yes: 5, no: 4, abstain: 3 }, 20, 'more-than-half', 'of-votes-cast').outcome).toBe(
      'adopted',
    );
    expect(tally({ yes: 4, no: 4, abstain: 3 }, 20, 'more-than-half', 'of-votes-cast').outcome).toBe(
      'rejected',
    );
  });

  it('counts absent members against a majority of all members', () => {
    const result = tally({ yes: 10, no: 0, abstain: 0 }, 20, 'more-than-half', 'of-members');
    expect(result.yesNeeded).toBe(11);
    expect(result.outcome).toBe('rejected');
    expect(tally({ yes: 11, no: 0, abstain: 0 }, 20, 'one-third', 'of-members').outcome).toBe('adopted');
  });

  it('refuses more votes than members', () => {
    expect(() => tally({ yes: 3, no: 0, abstain: 0 }, 2, 'one-third', 'of-present')).toThrow();
  });

  it('rejects everything in a body with no members', () => {
    expect(tally({ yes: 0, no: 0, abstain: 0 }, 0, 'one-third', 'of-votes-cast').quorate).toBe(false);
  });
});
