/** The frame of the lock screens: a heading and a column of content. */
import { Text, makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';

export const useScreenStyles = makeStyles({
  screen: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

export function Screen({ title, children }: { title: string; children: ReactNode }) {
  const styles = useScreenStyles();
  return (
    <section className={styles.screen} aria-label={title}>
      <Text as="h2" size={400} weight="semibold">
        {title}
      </Text>
      {children}
    </section>
  );
}
