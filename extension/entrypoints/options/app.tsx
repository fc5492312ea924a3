/**
 * The options page: what needs no unlock (internal domains, sharing policy,
 * enabled sites, kept in storage.local for the content scripts) and, once
 * the caseload is unlocked, what the encrypted store holds (passphrase, lock
 * delay, retention, backup and restore).
 */
import {
  Button,
  FluentProvider,
  Text,
  makeStyles,
  tokens,
  webLightTheme,
} from '@fluentui/react-components';
import { PageGate } from '../../pages/session';
import { DomainsSection, PolicySection, SitesSection } from './local-settings';
import { BackupSection, PassphraseSection, RetentionSection } from './store-settings';

const useStyles = makeStyles({
  page: {
    minHeight: '100vh',
    backgroundColor: tokens.colorNeutralBackground1,
  },
  main: {
    maxWidth: '720px',
    margin: '0 auto',
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXL,
    padding: tokens.spacingHorizontalXL,
  },
});

export function OptionsPage() {
  const styles = useStyles();
  return (
    <FluentProvider theme={webLightTheme} lang="fr" className={styles.page}>
      <main className={styles.main}>
        <Text as="h1" size={600} weight="semibold">
          Passerelle — Réglages
        </Text>
        <DomainsSection />
        <PolicySection />
        <SitesSection />
        <Text as="h2" size={500} weight="semibold">
          File active chiffrée
        </Text>
        <PageGate>
          {(store, lock) => (
            <>
              <PassphraseSection store={store} />
              <RetentionSection store={store} />
              <BackupSection store={store} />
              <Button onClick={lock}>Verrouiller</Button>
            </>
          )}
        </PageGate>
      </main>
    </FluentProvider>
  );
}
