/**
 * «Vérifier avant envoi» (Outlook, compose mode): the subject, body and
 * attachment names of the message being written, scanned by the
 * anonymisation core (with the caseload's names when it is open); findings
 * listed by person and kind, never their values; what the on-send check
 * will do; «Pseudonymiser» rewrites the body (its HTML formatting kept) and
 * the subject with the store's codes. A partner's reply quoting codes can be
 * read here with the names put back — shown in the pane only, never written
 * into the message. Also the team's internal domains, saved for the handler.
 */
import {
  Button,
  Field,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Text,
  Textarea,
} from '@fluentui/react-components';
import { useCallback, useEffect, useState } from 'react';
import {
  DIRECT_TYPES,
  depseudonymise,
  mentionsPseudonym,
  namesIndexFromPeople,
  pseudonymiseWithMemory,
  scan,
  type NamesIndex,
} from '../../../shared/anonymisation';
import { parseParcoursCode } from '../../../shared/parcours';
import type { CaseloadStore } from '../../../shared/store';
import { FindingsList, filterChoices, type ListedFinding, useBusyAction } from '../../../shared/ui';
import { recipientAddresses, type MailboxHost } from '../../hosts/mailbox';
import type { OutlookAdapters } from '../../hosts/mailbox/outlook-adapters';
import { decideOnSend, isDirectHit, isQuasiHit, type SendVerdict } from '../../onsend/decide';
import { describeCounts } from '../../onsend/alert';
import { handleMessageSend, type SendCompletion } from '../../onsend/handler';
import { outgoingText, partAt, plainSpaces, type OutgoingPart } from '../../onsend/outgoing-text';
import { readOnSendSettings } from '../../onsend/settings';
import { htmlText, replaceInHtml } from '../outlook/html-body';
import type { ViewProps } from '../views';
import { InternalDomainsSettings } from './internal-domains';
import { OutlookGate } from './outlook-gate';

const partLabels: Record<OutgoingPart, string> = {
  objet: 'Objet',
  corps: 'Corps du message',
  'pieces-jointes': 'Nom de pièce jointe (renommez ou retirez-la)',
};

interface MessageFinding extends ListedFinding {
  code?: string;
}

interface Checked {
  findings: MessageFinding[];
  verdict: SendVerdict;
}

async function namesOf(store: CaseloadStore | null): Promise<NamesIndex | undefined> {
  if (!store) return undefined;
  const referents = filterChoices(await store.allRecords()).referents;
  return namesIndexFromPeople(await store.knownPeople(), { professionals: referents });
}

function personOf(f: { code?: string; role: string }): string {
  if (f.code) return f.code;
  return f.role === 'beneficiaire' ? 'Enfant ou famille (sans code)' : 'Autre personne';
}

function verdictText(verdict: SendVerdict): {
  intent: 'error' | 'warning' | 'success';
  text: string;
} {
  switch (verdict.action) {
    case 'block':
      return {
        intent: 'error',
        text: `À l’envoi, Passerelle bloquera ce message : il part hors de l’équipe avec ${describeCounts(verdict.direct)}.`,
      };
    case 'prompt':
      return {
        intent: 'warning',
        text: `À l’envoi, Passerelle demandera confirmation : ${describeCounts(verdict.quasi)} peuvent faire reconnaître un enfant.`,
      };
    case 'allow':
      return {
        intent: 'success',
        text:
          verdict.why === 'equipe'
            ? 'Tous les destinataires sont dans l’équipe : le message partira.'
            : 'Aucune donnée d’enfant trouvée : le message partira.',
      };
  }
}

function SendCheck({
  compose,
  outlook,
  store,
  preview,
}: {
  compose: MailboxHost;
  outlook: OutlookAdapters;
  store: CaseloadStore | null;
  preview: boolean;
}) {
  const [checked, setChecked] = useState<Checked | null>(null);
  const { busy, error, run } = useBusyAction('Outlook n’a pas répondu : réessayez.');
  const [risks, setRisks] = useState<string[] | null>(null);
  const [sent, setSent] = useState<SendCompletion | null>(null);

  const check = useCallback(async () => {
    const [subject, body, attachments, recipients, settings, names] = await Promise.all([
      compose.subject(),
      compose.bodyText(),
      compose.attachments(),
      compose.recipients(),
      readOnSendSettings(outlook.onSend),
      namesOf(store),
    ]);
    const attachmentNames = attachments.map((a) => a.name);
    const outgoing = outgoingText(subject, body, attachmentNames);
    const findings = scan(outgoing.text, {
      ...(names ? { names } : {}),
      aboutBeneficiary: mentionsPseudonym(outgoing.text),
    })
      .findings.filter((f) => isDirectHit(f) || isQuasiHit(f))
      .map((f): MessageFinding => ({
        cell: partLabels[partAt(outgoing, f.start)],
        type: f.type,
        reason: f.label,
        person: personOf(f),
        ...(f.code ? { code: f.code } : {}),
      }));
    const verdict = decideOnSend(
      { subject, body, attachmentNames, recipients: recipientAddresses(recipients) },
      { internalDomains: settings.internalDomains, ...(names ? { names } : {}) },
    );
    setChecked({ findings, verdict });
  }, [compose, outlook, store]);

  useEffect(() => {
    void run(check);
  }, [check]);

  const pseudonymiseMessage = (target: CaseloadStore) =>
    run(async () => {
      const names = await namesOf(target);
      const options = names ? { names } : {};
      const body = htmlText(await compose.bodyHtml());
      const result = await pseudonymiseWithMemory(
        plainSpaces(body.text),
        target.pseudonymMemory,
        options,
      );
      await compose.setBodyHtml(replaceInHtml(body, result.replacements));
      const subject = await compose.subject();
      const renamed = await pseudonymiseWithMemory(
        plainSpaces(subject),
        target.pseudonymMemory,
        options,
      );
      if (renamed.text !== subject) await compose.setSubject(renamed.text);
      const codes = [...new Set(checked?.findings.flatMap((f) => (f.code ? [f.code] : [])))];
      await target.logEvent(
        'pseudonymisation',
        codes.sort(),
        'message Outlook pseudonymisé avant envoi',
      );
      setRisks(result.residualRisks);
      setSent(null);
      await check();
    });

  const trySend = () =>
    run(async () => {
      await new Promise<void>(
        (resolve) =>
          void handleMessageSend(
            {
              completed: (options) => {
                setSent(options ?? { allowEvent: true });
                resolve();
              },
            },
            { host: () => compose, sources: () => outlook.onSend, mailbox114: () => true },
          ),
      );
    });

  const direct = checked?.findings.filter((f) => DIRECT_TYPES.has(f.type)).length ?? 0;
  const verdict = checked ? verdictText(checked.verdict) : null;
  return (
    <>
      {!store && (
        <MessageBar intent="info">
          <MessageBarBody>
            File active verrouillée&nbsp;: les noms sont cherchés d’après le contexte seulement, et
            «&nbsp;Pseudonymiser&nbsp;» a besoin des codes. Déverrouillez-la dans «&nbsp;File
            active&nbsp;».
          </MessageBarBody>
        </MessageBar>
      )}
      <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap' }}>
        <Button disabled={busy} onClick={() => void run(check)}>
          Vérifier de nouveau
        </Button>
        {store && checked && checked.findings.length > 0 && (
          <Button
            appearance="primary"
            disabled={busy}
            onClick={() => void pseudonymiseMessage(store)}
          >
            Pseudonymiser
          </Button>
        )}
        {preview && (
          <Button disabled={busy} onClick={() => void trySend()}>
            Envoyer (aperçu)
          </Button>
        )}
      </div>
      {busy && <Spinner size="small" label="Vérification du message…" />}
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      {sent && (
        <MessageBar
          intent={sent.allowEvent ? 'success' : sent.sendModeOverride ? 'warning' : 'error'}
        >
          <MessageBarBody>
            <MessageBarTitle>
              {sent.allowEvent
                ? 'Message envoyé (aperçu)'
                : sent.sendModeOverride
                  ? 'Outlook demanderait confirmation'
                  : 'Envoi bloqué'}
            </MessageBarTitle>
            {sent.errorMessage && <Text block>{sent.errorMessage}</Text>}
          </MessageBarBody>
        </MessageBar>
      )}
      {risks && (
        <MessageBar intent="success">
          <MessageBarBody>
            <MessageBarTitle>Message pseudonymisé</MessageBarTitle>
            <ul aria-label="Risques restants">
              {risks.map((risk) => (
                <li key={risk}>{risk}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      {checked && verdict && (
        <>
          <MessageBar intent={verdict.intent}>
            <MessageBarBody>{verdict.text}</MessageBarBody>
          </MessageBar>
          <Text as="p" block>
            {checked.findings.length
              ? `${checked.findings.length} donnée(s) sur un enfant ou sa famille, dont ${direct} directement identifiante(s).`
              : 'Aucune donnée sur un enfant ou sa famille.'}
          </Text>
          <FindingsList findings={checked.findings} label="Données personnelles trouvées" />
        </>
      )}
      {store && <PartnerReply store={store} />}
    </>
  );
}

/** A partner's reply with the names put back, in the pane only. */
function PartnerReply({ store }: { store: CaseloadStore }) {
  const [reply, setReply] = useState('');
  const [readable, setReadable] = useState<string | null>(null);

  const read = async () => {
    const labels = new Set<string>();
    depseudonymise(reply, (label) => void labels.add(label));
    const names = new Map<string, string>();
    for (const label of labels) {
      if (parseParcoursCode(label)) {
        const record = await store.getRecord(label);
        if (record) names.set(label, `${record.child.firstName} ${record.child.lastName}`);
      } else {
        const person = await store.pseudonymMemory.resolve(label);
        if (person)
          names.set(
            label,
            person.replace(/\b\p{L}/gu, (c) => c.toUpperCase()),
          );
      }
    }
    setReadable(depseudonymise(reply, (label) => names.get(label)));
  };

  return (
    <section
      aria-labelledby="reponse-titre"
      style={{ display: 'flex', flexDirection: 'column', gap: 8 }}
    >
      <Text as="h3" id="reponse-titre" size={300} weight="semibold" block>
        Lire la réponse d’un partenaire
      </Text>
      <Field
        label="Texte de la réponse (avec des codes)"
        hint="Les noms sont remis ici seulement : rien n’est écrit dans le message."
      >
        <Textarea value={reply} onChange={(_, d) => setReply(d.value)} resize="vertical" />
      </Field>
      <Button disabled={!reply.trim()} onClick={() => void read()}>
        Lire avec les noms
      </Button>
      {readable !== null && (
        <Text
          as="p"
          block
          role="region"
          aria-label="Réponse avec les noms"
          style={{ whiteSpace: 'pre-wrap' }}
        >
          {readable}
        </Text>
      )}
    </section>
  );
}

export default function SendCheckView({ environment, hosts }: ViewProps) {
  const preview = environment.kind === 'preview';
  return (
    <section
      aria-labelledby="envoi-titre"
      style={{ display: 'flex', flexDirection: 'column', gap: 8 }}
    >
      <Text as="h2" id="envoi-titre" size={400} weight="semibold" block>
        Vérifier avant envoi
      </Text>
      <OutlookGate hosts={hosts} preview={preview}>
        {(outlook, store) => (
          <>
            {outlook.compose ? (
              <SendCheck
                compose={outlook.compose}
                outlook={outlook}
                store={store}
                preview={preview}
              />
            ) : (
              <MessageBar intent="info">
                <MessageBarBody>
                  Cette vérification s’ouvre sur un message en cours de rédaction.
                </MessageBarBody>
              </MessageBar>
            )}
            <InternalDomainsSettings sources={outlook.onSend} />
          </>
        )}
      </OutlookGate>
    </section>
  );
}
