import { LocalizedText, PageContext, pickedLocale, pickText } from '@chartuloba/platform';
import type { BodyEntity, MotionEntity } from '../entities/councils.entities';
import type { SessionFlags } from '../services/councils-read.service';

/** Staff text in the visitor's language, marked with the language actually shown. */
export function Text({ ctx, text }: { ctx: PageContext; text: LocalizedText | null | undefined }) {
  return <span lang={pickedLocale(text, ctx.locale)}>{pickText(text, ctx.locale)}</span>;
}

export function when(ctx: PageContext, date: Date): string {
  return ctx.i18n.formatDate(ctx.locale, date, 'datetime');
}

export function day(ctx: PageContext, date: string): string {
  return ctx.i18n.formatDate(ctx.locale, new Date(`${date}T12:00:00Z`));
}

/** Late and missing announcements and minutes are said in words, not only in colour. */
export function FlagBadges({ ctx, flags }: { ctx: PageContext; flags: SessionFlags }) {
  const { t } = ctx;
  const badges: string[] = [];
  if (flags.announcement === 'late') {
    badges.push(t('councils.flag.announcement-late'));
  }
  if (flags.announcement === 'missing') {
    badges.push(t('councils.flag.announcement-missing'));
  }
  if (flags.minutes === 'missing') {
    badges.push(t('councils.flag.minutes-missing'));
  }
  if (flags.minutes === 'published-late') {
    badges.push(t('councils.flag.minutes-late'));
  }
  if (!badges.length) {
    return null;
  }
  return (
    <ul class="tags">
      {badges.map((b) => (
        <li key={b} class="badge flag">
          {b}
        </li>
      ))}
    </ul>
  );
}

/** The link back to a session's or report's body, above the page title. */
export function BodyLink({ ctx, body }: { ctx: PageContext; body: BodyEntity }) {
  return (
    <p>
      <a href={`/councils/${body.slug}`}>
        <Text ctx={ctx} text={body.name} />
      </a>
    </p>
  );
}

/** A decided motion's tally in words; a count not recorded reads as zero. */
export function motionCounts(ctx: PageContext, motion: MotionEntity): string {
  return ctx.t('councils.motion.counts', {
    yes: motion.yesCount ?? 0,
    no: motion.noCount ?? 0,
    abstain: motion.abstainCount ?? 0,
    absent: motion.absentCount ?? 0,
  });
}
