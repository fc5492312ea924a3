/**
 * A horizontal bar chart in plain SVG (no chart library: nothing to eval
 * under the extension's CSP, nothing heavy to load). The figure is an image
 * whose accessible name lists every bar; the same figures are in the tables.
 */
import { makeStyles, tokens } from '@fluentui/react-components';
import type { Bar } from './bilan-model';

const useStyles = makeStyles({
  figure: { margin: 0 },
  caption: { fontWeight: tokens.fontWeightSemibold, marginBottom: tokens.spacingVerticalXS },
});

const ROW = 22;
const LABEL_WIDTH = 150;
const WIDTH = 320;
const VALUE_WIDTH = 40;

const clip = (text: string, max = 24) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

export function BarChart({ title, bars }: { title: string; bars: readonly Bar[] }) {
  const styles = useStyles();
  const max = Math.max(1, ...bars.map((b) => b.value ?? 0));
  const room = WIDTH - LABEL_WIDTH - VALUE_WIDTH;
  const description = bars.map((b) => `${b.label} : ${b.shown}`).join(' ; ');
  return (
    <figure className={styles.figure}>
      <figcaption className={styles.caption}>{title}</figcaption>
      <svg
        role="img"
        aria-label={`${title}. ${description}`}
        viewBox={`0 0 ${WIDTH} ${bars.length * ROW}`}
        width="100%"
        style={{ maxWidth: WIDTH * 1.5 }}
      >
        {bars.map((bar, i) => {
          const y = i * ROW;
          const length = bar.value === null ? 0 : Math.max(1, (bar.value / max) * room);
          return (
            <g key={`${bar.label}-${i}`}>
              <text x={0} y={y + 15} fontSize={11} fill={tokens.colorNeutralForeground1}>
                {clip(bar.label)}
              </text>
              <rect
                x={LABEL_WIDTH}
                y={y + 4}
                width={length}
                height={ROW - 8}
                fill={tokens.colorBrandBackground}
              />
              <text
                x={LABEL_WIDTH + length + 4}
                y={y + 15}
                fontSize={11}
                fill={tokens.colorNeutralForeground1}
              >
                {bar.shown}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
