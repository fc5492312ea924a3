/**
 * «À propos»: the version, where the pane runs (host, platform, API set
 * check) and the privacy commitments, so a user or support can see at a
 * glance what they are running.
 */
import { Text, makeStyles, tokens } from '@fluentui/react-components';
import { manifestSource } from '../../manifest/source';
import type { PaneEnvironment } from '../environment';
import type { ViewProps } from '../views';

const useStyles = makeStyles({
  facts: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXS,
    margin: 0,
  },
  term: { fontWeight: tokens.fontWeightSemibold },
  detail: { margin: 0 },
});

function runningIn(environment: PaneEnvironment): [string, string][] {
  switch (environment.kind) {
    case 'office': {
      const { set, version, supported } = environment.requirement;
      return [
        ['Application', environment.host],
        ['Plateforme', environment.platform || 'inconnue'],
        ['API Office', `${set} ${version} ${supported ? 'prise en charge' : 'absente'}`],
      ];
    }
    case 'preview':
      return [['Application', 'aucune (aperçu dans le navigateur, classeur d’exemple en mémoire)']];
    case 'unavailable':
      return [['Application', 'indisponible']];
  }
}

export default function AboutView({ environment }: ViewProps) {
  const styles = useStyles();
  const facts: [string, string][] = [
    ['Version', manifestSource.version],
    ...runningIn(environment),
  ];
  return (
    <section aria-labelledby="a-propos-titre">
      <Text as="h2" id="a-propos-titre" size={400} weight="semibold" block>
        À propos de Passerelle
      </Text>
      <dl className={styles.facts}>
        {facts.map(([term, detail]) => (
          <div key={term} style={{ display: 'contents' }}>
            <dt className={styles.term}>{term}</dt>
            <dd className={styles.detail}>{detail}</dd>
          </div>
        ))}
      </dl>
      <Text as="h3" size={300} weight="semibold" block>
        Confidentialité
      </Text>
      <ul>
        <li>
          Les données restent sur cet ordinateur&nbsp;: Passerelle n’envoie rien sur le réseau.
        </li>
        <li>La file active est chiffrée&nbsp;; les journaux ne contiennent aucun nom.</li>
        <li>Les copies partagées sont pseudonymisées, jamais «&nbsp;anonymes&nbsp;».</li>
      </ul>
    </section>
  );
}
