/**
 * «Pseudonymiser un texte»: a pasted text checked with the caseload's names
 * and the team's sharing policy; findings highlighted with their reasons,
 * the pseudonymised text to copy (labels of people outside the caseload kept
 * in the store, so one person keeps one label), and a partner's reply with
 * the names put back, locally.
 */
import {
  Button,
  Field,
  MessageBar,
  MessageBarBody,
  Text,
  Textarea,
} from '@fluentui/react-components';
import { useRef, useState } from 'react';
import {
  PARTENAIRE_EXTERNE,
  depseudonymise,
  namesIndexFromPeople,
  policyByName,
  pseudonymiseWithMemory,
  scan,
  type Finding,
  type PseudonymiseResult,
} from '../../../../shared/anonymisation';
import type { CaseloadStore } from '../../../../shared/store';
import {
  FindingsList,
  HighlightedText,
  Screen,
  errorMessage,
  findingSpans,
  highlightSegments,
  listedFindings,
} from '../../../../shared/ui';
import { count } from '../../../pages/count';
import { PageGate } from '../../../pages/session';
import { readText } from '../../../pages/settings';

interface Checked {
  text: string;
  findings: Finding[];
  result: PseudonymiseResult;
}

async function sharingPolicy() {
  const name = await readText('sharingPolicy');
  return name ? policyByName(name) : PARTENAIRE_EXTERNE;
}

/** What each code or label of a reply stands for: this text's replacements, the caseload, the store's labels. */
async function resolverFor(
  reply: string,
  store: CaseloadStore,
  checked: Checked | null,
): Promise<Map<string, string>> {
  const labels = new Set<string>();
  depseudonymise(reply, (label) => void labels.add(label));
  const resolved = new Map<string, string>();
  for (const r of checked?.result.replacements ?? []) resolved.set(r.replacement, r.original);
  for (const label of labels) {
    if (resolved.has(label)) continue;
    const record = /^PRE-/.test(label) ? await store.getRecord(label) : undefined;
    const name = record
      ? `${record.child.firstName} ${record.child.lastName}`
      : await store.pseudonymMemory.resolve(label);
    if (name) resolved.set(label, name);
  }
  return resolved;
}

function PseudonymiseFlow({ store }: { store: CaseloadStore }) {
  const [text, setText] = useState('');
  const [checked, setChecked] = useState<Checked | null>(null);
  const [reply, setReply] = useState('');
  const [restored, setRestored] = useState<string | null>(null);
  const [notice, setNotice] = useState<{ intent: 'success' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const names = useRef<Promise<ReturnType<typeof namesIndexFromPeople>> | null>(null);

  const check = async () => {
    setBusy(true);
    setNotice(null);
    try {
      names.current ??= store.knownPeople().then((people) => namesIndexFromPeople(people));
      const options = { names: await names.current, policy: await sharingPolicy() };
      const findings = scan(text, options).findings;
      const result = await pseudonymiseWithMemory(text, store.pseudonymMemory, options);
      setChecked({ text, findings, result });
    } catch (caught) {
      setNotice({
        intent: 'error',
        text: errorMessage(caught, 'Le texte n’a pas pu être vérifié : recommencez.'),
      });
    } finally {
      setBusy(false);
    }
  };

  const copy = async (result: PseudonymiseResult) => {
    try {
      await navigator.clipboard.writeText(result.text);
      const codes = [
        ...new Set(
          result.replacements.flatMap((r) => r.replacement.match(/PRE-\d{4}-\d{3,}/g) ?? []),
        ),
      ];
      await store.logEvent('pseudonymisation', codes, 'texte copié depuis le panneau');
      setNotice({ intent: 'success', text: 'Texte pseudonymisé copié dans le presse-papiers.' });
    } catch {
      setNotice({
        intent: 'error',
        text: 'Le presse-papiers est inaccessible : sélectionnez le texte pseudonymisé et copiez-le (Ctrl+C).',
      });
    }
  };

  const restore = async () => {
    const resolved = await resolverFor(reply, store, checked);
    setRestored(depseudonymise(reply, (label) => resolved.get(label)));
  };

  return (
    <Screen title="Pseudonymiser un texte">
      <Text size={200}>
        Collez un texte (courriel, note)&nbsp;: Passerelle remplace les noms des enfants suivis par
        leur code et les identifiants par des libellés. Rien ne quitte l’ordinateur.
      </Text>
      <Field label="Texte à pseudonymiser">
        <Textarea
          value={text}
          resize="vertical"
          rows={8}
          onChange={(_, data) => {
            setText(data.value);
            setChecked(null);
          }}
        />
      </Field>
      <Button appearance="primary" disabled={!text.trim() || busy} onClick={() => void check()}>
        Vérifier et pseudonymiser
      </Button>
      {notice && (
        <MessageBar intent={notice.intent}>
          <MessageBarBody>{notice.text}</MessageBarBody>
        </MessageBar>
      )}
      {checked && (
        <>
          <Text as="h3" weight="semibold">
            {checked.findings.length
              ? count(checked.findings.length, 'donnée repérée', 'données repérées')
              : 'Aucune donnée personnelle repérée'}
          </Text>
          <HighlightedText
            label="Texte vérifié, données repérées surlignées"
            segments={highlightSegments(checked.text, findingSpans(checked.findings))}
          />
          <FindingsList
            label="Données personnelles repérées"
            findings={listedFindings(checked.text, checked.findings)}
          />
          {checked.result.leftovers.length > 0 && (
            <MessageBar intent="error">
              <MessageBarBody>
                {count(
                  checked.result.leftovers.length,
                  'identifiant reste',
                  'identifiants restent',
                )}{' '}
                après remplacement&nbsp;: corrigez le texte avant de le partager.
              </MessageBarBody>
            </MessageBar>
          )}
          {checked.result.residualRisks.map((risk) => (
            <MessageBar key={risk} intent="warning">
              <MessageBarBody>{risk}</MessageBarBody>
            </MessageBar>
          ))}
          <Field label="Texte pseudonymisé">
            <Textarea value={checked.result.text} readOnly resize="vertical" rows={8} />
          </Field>
          <Button onClick={() => void copy(checked.result)}>Copier le texte pseudonymisé</Button>
        </>
      )}
      <Field
        label="Réponse d’un partenaire"
        hint="Collez sa réponse : les codes et libellés sont remplacés par les noms, sur cet ordinateur seulement."
      >
        <Textarea
          value={reply}
          resize="vertical"
          rows={5}
          onChange={(_, data) => setReply(data.value)}
        />
      </Field>
      <Button disabled={!reply.trim()} onClick={() => void restore()}>
        Remettre les noms
      </Button>
      {restored !== null && (
        <Field label="Réponse avec les noms">
          <Textarea value={restored} readOnly resize="vertical" rows={5} />
        </Field>
      )}
    </Screen>
  );
}

export default function PseudonymisePanelView() {
  return <PageGate>{(store) => <PseudonymiseFlow store={store} />}</PageGate>;
}
