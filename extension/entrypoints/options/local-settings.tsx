/**
 * Settings kept in storage.local, readable while the caseload is locked:
 * the team's e-mail domains, the sharing policy, and the extra sites where
 * the check runs (each one an optional permission asked from the click).
 */
import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Text,
  Textarea,
} from '@fluentui/react-components';
import { useEffect, useState, type FormEvent } from 'react';
import { browser } from 'wxt/browser';
import { POLICIES, PARTENAIRE_EXTERNE } from '../../../shared/anonymisation';
import { Screen, errorMessage } from '../../../shared/ui';
import { count } from '../../pages/count';
import { readList, readText, writeSetting } from '../../pages/settings';
import { disableSite, enableSite, enabledSites } from '../../background/sites';
import { parseDomains, siteOfPattern } from '../../pages/site-patterns';

type Notice = { intent: 'success' | 'error' | 'warning'; text: string } | null;

function NoticeBar({ notice }: { notice: Notice }) {
  return notice ? (
    <MessageBar intent={notice.intent}>
      <MessageBarBody>{notice.text}</MessageBarBody>
    </MessageBar>
  ) : null;
}

export function DomainsSection() {
  const [text, setText] = useState('');
  const [notice, setNotice] = useState<Notice>(null);
  useEffect(() => {
    void readList('internalDomains').then((domains) => setText(domains.join('\n')));
  }, []);

  const save = async () => {
    const { domains, invalid } = parseDomains(text);
    if (invalid.length) {
      setNotice({
        intent: 'error',
        text: `Domaines non reconnus : ${invalid.join(', ')}. Écrivez-les comme ville-exemple.fr.`,
      });
      return;
    }
    await writeSetting('internalDomains', domains);
    setText(domains.join('\n'));
    setNotice({
      intent: 'success',
      text: `${count(domains.length, 'domaine interne enregistré', 'domaines internes enregistrés')}.`,
    });
  };

  return (
    <Screen title="Domaines internes">
      <Field
        label="Domaines de messagerie de l’équipe"
        hint="Un par ligne. Les destinataires de ces domaines sont des collègues : l’envoi n’est pas bloqué."
      >
        <Textarea value={text} resize="vertical" onChange={(_, data) => setText(data.value)} />
      </Field>
      <NoticeBar notice={notice} />
      <Button onClick={() => void save()}>Enregistrer les domaines</Button>
    </Screen>
  );
}

export function PolicySection() {
  const [policy, setPolicy] = useState(PARTENAIRE_EXTERNE.id);
  const [notice, setNotice] = useState<Notice>(null);
  useEffect(() => {
    void readText('sharingPolicy').then((id) => id && setPolicy(id));
  }, []);

  const choose = async (id: string) => {
    setPolicy(id);
    await writeSetting('sharingPolicy', id);
    const label = POLICIES.find((p) => p.id === id)?.label ?? id;
    setNotice({ intent: 'success', text: `Politique de partage : ${label}.` });
  };

  return (
    <Screen title="Politique de partage">
      <Text size={200}>
        Ce qui est remplacé quand vous pseudonymisez un texte pour le partager.
      </Text>
      <RadioGroup
        aria-label="Politique de partage"
        value={policy}
        onChange={(_, data) => void choose(data.value)}
      >
        <Radio
          value="partenaire-externe"
          label="Partenaire externe : tous les identifiants des enfants et familles remplacés"
        />
        <Radio
          value="membre-eps"
          label="Membre de l’EPS sous charte : codes parcours et initiales permis"
        />
      </RadioGroup>
      <NoticeBar notice={notice} />
    </Screen>
  );
}

export function SitesSection() {
  const [sites, setSites] = useState<string[]>([]);
  const [input, setInput] = useState('');
  const [notice, setNotice] = useState<Notice>(null);
  // The browser's granted permissions are the list: the background registers the check there.
  const refresh = () => enabledSites(browser).then(setSites);
  useEffect(() => {
    void refresh();
  }, []);

  const add = async (event: FormEvent) => {
    event.preventDefault();
    setNotice(null);
    let granted: boolean;
    try {
      // Asked right from the click: browsers grant optional permissions only on a user gesture.
      granted = await enableSite(browser, input);
    } catch (caught) {
      setNotice({ intent: 'error', text: errorMessage(caught, 'Adresse de site invalide.') });
      return;
    }
    if (!granted) {
      setNotice({
        intent: 'warning',
        text: `Autorisation refusée : Passerelle ne vérifiera pas ${input.trim()}.`,
      });
      return;
    }
    await refresh();
    setInput('');
    setNotice({
      intent: 'success',
      text: `${input.trim()} activé : rechargez ses pages ouvertes pour qu’elles soient vérifiées.`,
    });
  };

  const remove = async (pattern: string) => {
    await disableSite(browser, pattern);
    await refresh();
    setNotice({ intent: 'success', text: `${siteOfPattern(pattern)} désactivé.` });
  };

  return (
    <Screen title="Sites activés">
      <Text size={200}>
        Outlook sur le web et Gmail sont vérifiés d’office. Ajoutez un autre site (messagerie de la
        collectivité, logiciel métier)&nbsp;: le navigateur vous demandera l’autorisation.
      </Text>
      {sites.length > 0 && (
        <ul aria-label="Sites activés">
          {sites.map((pattern) => (
            <li key={pattern}>
              {siteOfPattern(pattern)}{' '}
              <Button size="small" onClick={() => void remove(pattern)}>
                Désactiver {siteOfPattern(pattern)}
              </Button>
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={(event) => void add(event)} style={{ display: 'flex', gap: 8 }}>
        <Field label="Adresse du site" style={{ flexGrow: 1 }}>
          <Input value={input} onChange={(_, data) => setInput(data.value)} />
        </Field>
        <Button type="submit" disabled={!input.trim()} style={{ alignSelf: 'end' }}>
          Activer
        </Button>
      </form>
      <NoticeBar notice={notice} />
    </Screen>
  );
}
