import { XMLParser } from 'fast-xml-parser';
import * as ical from 'node-ical';
import { buildAtom } from './atom';
import { buildCalendar, foldLine } from './ical';

describe('iCalendar and Atom builders', () => {
  it('keeps commas, semicolons, newlines and long Georgian text intact through a real parser', () => {
    const summary = 'სხდომა; ბიუჯეტი, 2026\nდა კიდევ ' + 'ძალიან გრძელი სათაური '.repeat(6);
    const text = buildCalendar('Sakrebulo', [
      {
        uid: 'a@chartuloba',
        start: new Date('2026-03-20T11:00:00Z'),
        end: new Date('2026-03-20T13:00:00Z'),
        summary,
        location: 'Irganchai, school hall',
        updated: new Date('2026-03-01T00:00:00Z'),
      },
    ]);
    expect(text.split('\r\n').every((line) => Buffer.byteLength(line) <= 75)).toBe(true);
    const parsed = Object.values(ical.sync.parseICS(text)).filter((c) => c.type === 'VEVENT');
    expect(parsed).toHaveLength(1);
    const event = parsed[0] as ical.VEvent;
    expect(event.summary).toBe(summary);
    expect(event.location).toBe('Irganchai, school hall');
    expect(event.start.toISOString()).toBe('2026-03-20T11:00:00.000Z');
  });

  it('folds only between characters', () => {
    const folded = foldLine('ა'.repeat(60));
    expect(folded.replace(/\r\n /g, '')).toBe('ა'.repeat(60));
  });

  it('escapes markup in Atom titles and summaries', () => {
    const xml = buildAtom({
      id: 'urn:x',
      title: 'Councils & <sessions>',
      selfUrl: 'http://x/feed.atom?a=1&b=2',
      siteUrl: 'http://x/',
      lang: 'en',
      entries: [
        {
          id: 'urn:e',
          title: '<script>alert("x")</script> & more',
          updated: new Date('2026-01-01T00:00:00Z'),
          link: 'http://x/s?a=1&b=2',
          summary: "it's \u0001 fine",
          category: 'minutes',
        },
      ],
    });
    const parsed = new XMLParser({ ignoreAttributes: false }).parse(xml) as {
      feed: { title: string; entry: { title: string; summary: { '#text': string } } };
    };
    expect(parsed.feed.title).toBe('Councils & <sessions>');
    expect(parsed.feed.entry.title).toBe('<script>alert("x")</script> & more');
  });
});
