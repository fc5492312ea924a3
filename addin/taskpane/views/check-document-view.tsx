/**
 * «Vérifier avant partage» (Word): the document's paragraphs — body, tables,
 * headers, footers — scanned by the anonymisation core (the caseload's names
 * when the file active is unlocked), findings grouped by person and type,
 * highlighted in the document (cleared on request, when the view closes and
 * when the pane closes), one click scrolling to a finding. «Créer la version
 * partagée» opens a pseudonymised copy as a new document (codes from the
 * store, formatting kept, the original untouched), re-scans it and lists what
 * can still point at someone. Logged with codes only.
 */
import {
  Button,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Text,
} from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import {
  docxParagraphs,
  pseudonymiseDocx,
  scanParagraphs,
  type ParagraphFinding,
} from '../../../shared/documents';
import type { CaseloadStore } from '../../../shared/store';
import { FindingsList, useBusyAction } from '../../../shared/ui';
import { spotIn, type TextSpot, type WordHost, type WordParagraph } from '../../hosts/word';
import { caseloadNames } from './caseload-names';
import { useOpenStore } from './session-gate';
import { WordGate } from './word-gate';
import type { ViewProps } from '../views';

type ListedParagraphFinding = ParagraphFinding & { cell: string; spot: TextSpot };

interface Checked {
  findings: ListedParagraphFinding[];
  direct: number;
}

interface Copy {
  replaced: number;
  /** Direct identifiers of children or families the re-scan of the copy still finds. */
  left: number;
  residualRisks: string[];
}

function listed(paragraphs: WordParagraph[], findings: ParagraphFinding[]) {
  return findings.map((f): ListedParagraphFinding => {
    const paragraph = paragraphs[f.paragraph]!;
    return { ...f, cell: paragraph.place, spot: spotIn(paragraph, f.start, f.end) };
  });
}

function CheckDocument({ word, store }: { word: WordHost; store: CaseloadStore | null }) {
  const [checked, setChecked] = useState<Checked | null>(null);
  const [highlighted, setHighlighted] = useState(false);
  const [copy, setCopy] = useState<Copy | null>(null);
  const { busy, error, run } = useBusyAction('Word n’a pas répondu : réessayez.');

  // Highlights are the pane's marks, not the author's: they go when the view or the pane closes.
  useEffect(() => {
    const clear = () => void word.clearHighlights();
    window.addEventListener('pagehide', clear);
    return () => {
      window.removeEventListener('pagehide', clear);
      clear();
    };
  }, [word]);

  const check = () =>
    run(async () => {
      const paragraphs = await word.readParagraphs();
      const findings = listed(
        paragraphs,
        scanParagraphs(paragraphs, { names: await caseloadNames(store) }),
      );
      setCopy(null);
      setChecked({ findings, direct: findings.filter((f) => f.direct).length });
      await word.highlight(findings.map((f) => f.spot));
      setHighlighted(findings.length > 0);
    });

  const clear = () =>
    run(async () => {
      await word.clearHighlights();
      setHighlighted(false);
    });

  const createSharedVersion = () =>
    run(async () => {
      // The copy is read from the document as it is: without the pane's highlights.
      await word.clearHighlights();
      setHighlighted(false);
      const names = await caseloadNames(store);
      const result = await pseudonymiseDocx(await word.readFile(), {
        names,
        ...(store ? { memory: store.pseudonymMemory } : {}),
      });
      const again = scanParagraphs(await docxParagraphs(result.docx), { names });
      await word.createDocument(result.docx);
      await store?.logEvent(
        'pseudonymisation',
        result.codes,
        'version partagée pseudonymisée d’un document Word',
      );
      setCopy({
        replaced: result.replaced,
        left: again.filter((f) => f.direct && f.beneficiary).length,
        residualRisks: result.residualRisks,
      });
    });

  return (
    <section aria-labelledby="verifier-document-titre">
      <Text as="h2" id="verifier-document-titre" size={400} weight="semibold" block>
        Vérifier avant partage
      </Text>
      {!store && (
        <MessageBar intent="info">
          <MessageBarBody>
            File active verrouillée&nbsp;: les noms sont cherchés d’après le contexte seulement, et
            la version partagée ne peut pas reprendre les codes des enfants suivis. Déverrouillez-la
            dans «&nbsp;File active&nbsp;» pour les reconnaître.
          </MessageBarBody>
        </MessageBar>
      )}
      <Text as="p" block>
        Passerelle lit le corps du document, ses tableaux, en-têtes et pieds de page, et surligne en
        jaune ce qui peut désigner un enfant ou sa famille.
      </Text>
      <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap', margin: '8px 0' }}>
        <Button appearance="primary" disabled={busy} onClick={() => void check()}>
          Vérifier le document
        </Button>
        {highlighted && (
          <Button disabled={busy} onClick={() => void clear()}>
            Retirer le surlignage
          </Button>
        )}
        {checked && (
          <Button disabled={busy} onClick={() => void createSharedVersion()}>
            Créer la version partagée
          </Button>
        )}
      </div>
      {busy && <Spinner size="small" label="Vérification…" />}
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      {copy && (
        <MessageBar intent={copy.left ? 'warning' : 'success'}>
          <MessageBarBody>
            <MessageBarTitle>Version partagée créée</MessageBarTitle>
            Un nouveau document pseudonymisé s’est ouvert ({copy.replaced} remplacement(s)) ;
            l’original n’a pas changé. Nouvelle vérification de la copie&nbsp;:{' '}
            {copy.left
              ? `${copy.left} identifiant(s) direct(s) encore trouvé(s) : relisez la copie avant de la partager.`
              : 'aucun nom ni coordonnée d’enfant ou de famille.'}{' '}
            Ce qui peut encore permettre de reconnaître quelqu’un&nbsp;:
            <ul aria-label="Risques restants">
              {copy.residualRisks.map((risk) => (
                <li key={risk}>{risk}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      {checked && (
        <>
          <Text as="p" block>
            {checked.findings.length
              ? `${checked.findings.length} donnée(s) personnelle(s) trouvée(s), dont ${checked.direct} directement identifiante(s). Cliquez sur une ligne pour afficher le passage dans le document.`
              : 'Aucune donnée personnelle trouvée.'}
          </Text>
          <FindingsList
            findings={checked.findings}
            label="Données personnelles trouvées"
            selectLabel="Afficher dans le document"
            onSelect={(f) => void run(() => word.show(f.spot))}
          />
        </>
      )}
    </section>
  );
}

export default function CheckDocumentView({ environment, hosts }: ViewProps) {
  // The check also runs with the caseload locked (context only), so no SessionGate here.
  const store = useOpenStore(environment.kind === 'preview');
  return <WordGate hosts={hosts}>{(word) => <CheckDocument word={word} store={store} />}</WordGate>;
}
