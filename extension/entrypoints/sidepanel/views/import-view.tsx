/**
 * «Importer»: a spreadsheet (.xlsx, .xls, .ods, .csv) or a referral email
 * (.eml, .msg) chosen on the computer, through the same core flows and
 * screens as the Excel pane. A sheet: column mapping (corrections
 * remembered by the store), faulty cells, progress, all-or-nothing save,
 * then a copy of the file with the codes to download. An email: one proposed
 * record per child with each field's provenance, saved one by one.
 */
import { Button, Field, MessageBar, MessageBarBody, Text } from '@fluentui/react-components';
import { useRef, useState } from 'react';
import type { Extraction } from '../../../../shared/email';
import type { ImportResult } from '../../../../shared/import';
import { PasserelleError, isPasserelleError, type Progress } from '../../../../shared/parcours';
import type { CaseloadStore } from '../../../../shared/store';
import {
  ImportDone,
  ImportMapping,
  ImportProgress,
  ReferralReview,
  Screen,
  downloadBytes,
  lacksCodeColumn,
  recordFromDraft,
  recordUpdatedBy,
  withOverride,
  type ReferralDraftState,
} from '../../../../shared/ui';
import { background } from '../../../pages/background-link';
import { PageGate } from '../../../pages/session';

/** Rows read between two yields: keeps every main-thread block well under 200 ms. */
const IMPORT_CHUNK_ROWS = 500;
const SHEET_FILE = /\.(xlsx|xlsm|xls|ods|csv|tsv|txt)$/i;
const MAIL_FILE = /\.(eml|msg)$/i;

interface ChosenFile {
  name: string;
  bytes: Uint8Array;
}

type Step =
  | { kind: 'choose' }
  | { kind: 'running'; progress: Progress | null }
  | { kind: 'mapping'; result: ImportResult; saving: boolean }
  | { kind: 'done'; result: ImportResult }
  | { kind: 'referral'; extraction: Extraction; drafts: ReferralDraftState[]; saving: boolean };

const describe = (error: unknown, fallback: string) =>
  isPasserelleError(error) ? error.describe() : fallback;

const withCodesName = (name: string) => name.replace(/(\.[^.]+)$/, '-codes$1');

function ImportFlow({ store }: { store: CaseloadStore }) {
  const [step, setStep] = useState<Step>({ kind: 'choose' });
  const [error, setError] = useState<string | null>(null);
  const file = useRef<ChosenFile | null>(null);
  const overrides = useRef<Record<string, string | null>>({});
  const running = useRef<AbortController | null>(null);

  const runSheet = async () => {
    const chosen = file.current;
    if (!chosen) return;
    running.current?.abort();
    const controller = new AbortController();
    running.current = controller;
    setStep({ kind: 'running', progress: null });
    try {
      const { importGrid, readSpreadsheet } = await import('../../../../shared/import');
      const grid = await readSpreadsheet(chosen.bytes, { fileName: chosen.name });
      const result = await importGrid(grid, {
        caseload: store,
        mappingMemory: store.mappingMemory,
        ...(Object.keys(overrides.current).length ? { mappingOverrides: overrides.current } : {}),
        onProgress: (progress) => setStep({ kind: 'running', progress }),
        signal: controller.signal,
        chunkSize: IMPORT_CHUNK_ROWS,
      });
      if (!controller.signal.aborted) setStep({ kind: 'mapping', result, saving: false });
    } catch (caught) {
      if (controller.signal.aborted) return;
      setError(describe(caught, 'L’import a échoué : vérifiez le fichier puis recommencez.'));
      setStep({ kind: 'choose' });
    }
  };

  const readReferral = async () => {
    const chosen = file.current;
    if (!chosen) return;
    setStep({ kind: 'running', progress: null });
    try {
      const { extractReferrals, matchCaseload, readMailFile } =
        await import('../../../../shared/email');
      const extraction = extractReferrals(await readMailFile(chosen.bytes, chosen.name));
      const drafts = await Promise.all(
        extraction.drafts.map(async (found) => ({
          found,
          match: await matchCaseload(found.draft, store),
        })),
      );
      setStep({ kind: 'referral', extraction, drafts, saving: false });
    } catch (caught) {
      setError(describe(caught, 'Le courriel n’a pas pu être lu : enregistrez-le à nouveau.'));
      setStep({ kind: 'choose' });
    }
  };

  const choose = async (picked: File | undefined) => {
    setError(null);
    overrides.current = {};
    if (!picked) return;
    const isSheet = SHEET_FILE.test(picked.name);
    if (!isSheet && !MAIL_FILE.test(picked.name)) {
      setError(
        `«\u00a0${picked.name}\u00a0» n’est ni un tableau (.xlsx, .xls, .ods, .csv) ni un courriel (.eml, .msg) : choisissez un autre fichier.`,
      );
      return;
    }
    file.current = { name: picked.name, bytes: new Uint8Array(await picked.arrayBuffer()) };
    await (isSheet ? runSheet() : readReferral());
  };

  const saveSheet = async (result: ImportResult) => {
    setStep({ kind: 'mapping', result, saving: true });
    try {
      await store.putRecords(result.records.map((r) => r.record));
      void background.notify({ kind: 'caseload-changed' });
      setStep({ kind: 'done', result });
    } catch (caught) {
      setError(describe(caught, 'Rien n’a été enregistré : vérifiez les lignes puis recommencez.'));
      setStep({ kind: 'mapping', result, saving: false });
    }
  };

  const downloadWithCodes = async (result: ImportResult) => {
    const chosen = file.current;
    if (!chosen) return;
    try {
      const { writeCodesBack } = await import('../../../../shared/import');
      downloadBytes(
        withCodesName(chosen.name),
        writeCodesBack(chosen.bytes, chosen.name, result),
        'application/octet-stream',
      );
    } catch (caught) {
      setError(describe(caught, 'Le fichier avec les codes n’a pas pu être écrit.'));
    }
  };

  const saveDraft = async (index: number) => {
    if (step.kind !== 'referral') return;
    const drafts = [...step.drafts];
    const current = drafts[index];
    if (!current) return;
    setStep({ ...step, saving: true });
    try {
      let code: string;
      if (current.match.kind === 'mise_a_jour') {
        const record = await store.getRecord(current.match.code);
        if (!record)
          throw new PasserelleError(
            'panneau/fiche-absente',
            'la fiche a été effacée entre-temps : relisez le courriel.',
          );
        await store.replaceRecord(recordUpdatedBy(record, current.found.draft));
        code = record.code;
      } else {
        const input = recordFromDraft(current.found.draft);
        if ('missing' in input) {
          drafts[index] = {
            ...current,
            problem: `Le courriel ne donne pas : ${input.missing.join(', ')}. Créez la fiche dans «\u00a0File active\u00a0» ou importez un tableau.`,
          };
          setStep({ ...step, drafts, saving: false });
          return;
        }
        const saved = await store.putRecords([input]);
        code = [...saved.added, ...saved.merged][0] ?? '';
      }
      void background.notify({ kind: 'caseload-changed' });
      drafts[index] = { found: current.found, match: current.match, savedAs: code };
    } catch (caught) {
      drafts[index] = {
        ...current,
        problem: describe(caught, 'La fiche n’a pas été enregistrée : recommencez.'),
      };
    }
    setStep({ ...step, drafts, saving: false });
  };

  const messages = error && (
    <MessageBar intent="error">
      <MessageBarBody>{error}</MessageBarBody>
    </MessageBar>
  );

  switch (step.kind) {
    case 'running':
      return (
        <ImportProgress
          progress={step.progress}
          onCancel={() => {
            running.current?.abort();
            setStep({ kind: 'choose' });
          }}
        />
      );
    case 'mapping':
      return (
        <>
          {messages}
          <ImportMapping
            result={step.result}
            busy={step.saving}
            onChangeMapping={(header, key) => {
              overrides.current = withOverride(overrides.current, header, key);
              void runSheet();
            }}
            onConfirm={() => void saveSheet(step.result)}
            onCancel={() => setStep({ kind: 'choose' })}
          />
        </>
      );
    case 'done':
      return (
        <>
          {messages}
          <ImportDone result={step.result} onRestart={() => setStep({ kind: 'choose' })}>
            {lacksCodeColumn(step.result) && (
              <MessageBar intent="info" layout="multiline">
                <MessageBarBody>
                  Le fichier n’a pas de colonne «&nbsp;Code parcours&nbsp;». Téléchargez une copie
                  avec les codes, pour que toute l’équipe utilise les mêmes.
                  <div style={{ marginTop: 8 }}>
                    <Button onClick={() => void downloadWithCodes(step.result)}>
                      Télécharger le fichier avec les codes
                    </Button>
                  </div>
                </MessageBarBody>
              </MessageBar>
            )}
          </ImportDone>
        </>
      );
    case 'referral':
      return (
        <Screen title="Importer : courriel de saisine">
          {messages}
          {step.drafts.length === 0 ? (
            <MessageBar intent="info">
              <MessageBarBody>
                Aucune fiche proposée&nbsp;:{' '}
                {step.extraction.noDraftReason ?? 'ce message n’est pas une saisine.'}
              </MessageBarBody>
            </MessageBar>
          ) : (
            <Text>
              {step.drafts.length} fiche{step.drafts.length > 1 ? 's' : ''} proposée
              {step.drafts.length > 1 ? 's' : ''}&nbsp;: vérifiez chaque champ avant d’enregistrer.
            </Text>
          )}
          <ReferralReview
            text={step.extraction.text}
            drafts={step.drafts}
            busy={step.saving}
            onSave={(index) => void saveDraft(index)}
          />
          <Button onClick={() => setStep({ kind: 'choose' })}>Importer un autre fichier</Button>
        </Screen>
      );
    case 'choose':
      return (
        <Screen title="Importer dans la file active">
          {messages}
          <Field
            label="Tableau ou courriel de saisine"
            hint="Tableaux .xlsx, .xls, .ods, .csv ; courriels .eml, .msg. Rien n’est enregistré avant votre vérification."
          >
            {(fieldProps) => (
              <input
                {...fieldProps}
                type="file"
                accept=".xlsx,.xlsm,.xls,.ods,.csv,.tsv,.txt,.eml,.msg"
                onChange={(event) => void choose(event.currentTarget.files?.[0])}
              />
            )}
          </Field>
        </Screen>
      );
  }
}

export default function ImportPanelView() {
  return <PageGate>{(store) => <ImportFlow store={store} />}</PageGate>;
}
