/**
 * A text with some stretches highlighted (fields read from an email,
 * personal data found): each highlight says why in its title and, for
 * screen readers, in a visually hidden note right after it.
 */
import { makeStyles, tokens } from '@fluentui/react-components';
import type { TextSegment } from './referral-model';

const useStyles = makeStyles({
  text: {
    whiteSpace: 'pre-wrap',
    maxHeight: '18em',
    overflowY: 'auto',
    padding: tokens.spacingHorizontalS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    margin: 0,
  },
  mark: { backgroundColor: tokens.colorPaletteYellowBackground2, color: 'inherit' },
  hidden: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    overflow: 'hidden',
    clipPath: 'inset(50%)',
    whiteSpace: 'nowrap',
  },
});

export function HighlightedText({
  segments,
  label,
}: {
  segments: readonly TextSegment[];
  /** Accessible name of the text block. */
  label: string;
}) {
  const styles = useStyles();
  return (
    <div className={styles.text} role="region" aria-label={label} tabIndex={0}>
      {segments.map((segment, i) =>
        segment.fields.length ? (
          <mark key={i} className={styles.mark} title={segment.fields.join(', ')}>
            {segment.text}
            <span className={styles.hidden}> ({segment.fields.join(', ')})</span>
          </mark>
        ) : (
          <span key={i}>{segment.text}</span>
        ),
      )}
    </div>
  );
}
