/**
 * The team's internal e-mail domains, saved where the on-send handler reads
 * them; and whether the handler has the caseload's names (and since when).
 */
import {
  Button,
  Field,
  MessageBar,
  MessageBarBody,
  Text,
  Textarea,
} from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { errorMessage } from '../../../shared/ui';
import { parseDomains } from '../../onsend/domains';
import {
  readOnSendSettings,
  writeInternalDomains,
  type OnSendSettings,
  type OnSendSources,
} from '../../onsend/settings';

function namesStatus(sources: OnSendSources, settings: OnSendSettings): string {
  if (!sources.storage) {
    return 'Cet Outlook ne donne pas de stockage à la vérification à l’envoi : elle reconnaît les identifiants et les noms d’après le contexte, sans la file active.';
  }
  if (!settings.names) {
    return 'La vérification à l’envoi n’a pas encore les noms de la file active : déverrouillez-la une fois dans ce volet.';
  }
  const day = settings.namesUpdatedAt
    ? new Date(settings.namesUpdatedAt).toLocaleString('fr-FR')
    : 'une date inconnue';
  return `La vérification à l’envoi reconnaît les enfants de la file active (liste mise à jour le ${day}, sous forme d’empreintes salées, sans aucun nom en clair).`;
}

export function InternalDomainsSettings({ sources }: { sources: OnSendSources }) {
  const [text, setText] = useState('');
  const [settings, setSettings] = useState<OnSendSettings | null>(null);
  const [message, setMessage] = useState<{ intent: 'success' | 'error'; text: string } | null>(
    null,
  );

  useEffect(() => {
    void readOnSendSettings(sources).then((read) => {
      setSettings(read);
      setText(read.internalDomains.join(', '));
    });
  }, [sources]);

  const save = async () => {
    const { domains, invalid } = parseDomains(text);
    if (invalid.length) {
      setMessage({
        intent: 'error',
        text: `Ce ne sont pas des domaines : ${invalid.join(', ')}. Écrivez-les comme «\u00a0ville-nimes.fr\u00a0», séparés par des virgules.`,
      });
      return;
    }
    try {
      await writeInternalDomains(sources, domains);
      setText(domains.join(', '));
      setMessage({
        intent: 'success',
        text: domains.length
          ? `Enregistré : ${domains.length} domaine(s) de l’équipe.`
          : 'Enregistré : aucun domaine, tout destinataire est donc hors de l’équipe.',
      });
    } catch (caught) {
      setMessage({
        intent: 'error',
        text: errorMessage(caught, 'Outlook n’a pas enregistré le réglage : réessayez.'),
      });
    }
  };

  return (
    <section
      aria-labelledby="domaines-titre"
      style={{ display: 'flex', flexDirection: 'column', gap: 8 }}
    >
      <Text as="h3" id="domaines-titre" size={300} weight="semibold" block>
        Domaines de l’équipe
      </Text>
      <Field
        label="Domaines de messagerie internes"
        hint="Un destinataire hors de ces domaines (et de leurs sous-domaines) est un partenaire extérieur."
      >
        <Textarea value={text} onChange={(_, d) => setText(d.value)} resize="vertical" />
      </Field>
      <Button onClick={() => void save()}>Enregistrer les domaines</Button>
      {message && (
        <MessageBar intent={message.intent}>
          <MessageBarBody>{message.text}</MessageBarBody>
        </MessageBar>
      )}
      {settings && (
        <Text size={200} block>
          {namesStatus(sources, settings)}
        </Text>
      )}
    </section>
  );
}
