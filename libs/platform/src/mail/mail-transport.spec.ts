import { isPermanentRefusal } from './mail-transport';

/** An error shaped as nodemailer reports an SMTP reply: its code and the command it answered. */
const reply = (responseCode: number, command: string) =>
  Object.assign(new Error(`${responseCode} refused`), { responseCode, command });

describe('a permanent refusal of a message', () => {
  it('is a 5xx reply to its recipient or to its content', () => {
    expect(isPermanentRefusal(reply(550, 'RCPT TO'))).toBe(true);
    expect(isPermanentRefusal(reply(553, 'RCPT TO'))).toBe(true);
    expect(isPermanentRefusal(reply(554, 'DATA'))).toBe(true);
  });

  it('is not a temporary reply, nor a failure without one', () => {
    expect(isPermanentRefusal(reply(451, 'RCPT TO'))).toBe(false);
    expect(
      isPermanentRefusal(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNECTION' })),
    ).toBe(false);
    expect(
      isPermanentRefusal(Object.assign(new Error('odd'), { responseCode: '550', command: 'RCPT TO' })),
    ).toBe(false);
    expect(isPermanentRefusal(undefined)).toBe(false);
  });

  it('is not a 5xx to the login or the sender, which every message would get alike', () => {
    expect(isPermanentRefusal(reply(535, 'AUTH PLAIN'))).toBe(false);
    expect(isPermanentRefusal(reply(553, 'MAIL FROM'))).toBe(false);
  });
});
