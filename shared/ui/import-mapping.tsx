/**
 * The import screens: the progress of a long import, the mapping of the
 * source columns to the dictionary's fields (the user corrects it), the cell
 * errors with a button that shows the cell in its sheet, the preview of the
 * rows and, once saved, the summary. Props and callbacks only: the Excel
 * pane and the extension's side panel feed it their own source.
 */
import {
  Button,
  Field,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Select,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { ReactNode } from 'react';
import type { ImportResult } from '../import';
import type { Progress } from '../parcours';
import {
  cellErrors,
  fieldChoices,
  importSummary,
  mappingLines,
  originLabel,
  previewRows,
  rowsLabel,
  type ImportSummary,
} from './import-model';
import { Screen } from './screen';

const useStyles = makeStyles({
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  column: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    paddingBottom: tokens.spacingVerticalS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  error: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    gap: tokens.spacingVerticalXXS,
  },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  table: { overflowX: 'auto' },
});

const NOT_IMPORTED = '';
/** A sheet with thousands of bad cells stays readable and quick to render. */
const SHOWN_ERRORS = 100;

export interface ImportProgressProps {
  progress: Progress | null;
  onCancel?: () => void;
}

/** The import running: a bar that moves with the rows read. */
export function ImportProgress({ progress, onCancel }: ImportProgressProps) {
  const total = progress?.total;
  const value = total ? Math.min(1, (progress?.done ?? 0) / total) : undefined;
  return (
    <Screen title="Import en cours">
      <Field
        label={progress?.step ?? 'Lecture de la feuille…'}
        hint={total ? `${progress?.done ?? 0} lignes sur ${total}` : undefined}
      >
        <ProgressBar value={value} aria-label="Avancement de l’import" />
      </Field>
      {onCancel && <Button onClick={onCancel}>Annuler l’import</Button>}
    </Screen>
  );
}

export interface ImportMappingProps {
  result: ImportResult;
  /** The user chose a field for a column (null: «ne pas importer»); the caller imports again. */
  onChangeMapping: (header: string, key: string | null) => void;
  /**
   * Show a faulty cell in its sheet (`address` in A1, e.g. `C14`); without it
   * (a file outside Excel) the cell is named only.
   */
  onSelectCell?: (sheet: string | null, address: string) => void;
  onConfirm: () => void;
  onCancel: () => void;
  /** Saving: the buttons wait. */
  busy?: boolean;
}

export function ImportMapping({
  result,
  onChangeMapping,
  onSelectCell,
  onConfirm,
  onCancel,
  busy = false,
}: ImportMappingProps) {
  const styles = useStyles();
  const lines = mappingLines(result.mapping);
  const errors = cellErrors(result);
  const rows = previewRows(result);
  const toSave = result.records.length;
  return (
    <Screen title="Importer : vérifier les colonnes">
      {result.mapping.length === 0 && (
        <MessageBar intent="warning">
          <MessageBarBody>
            Aucune ligne d’en-têtes trouvée : sélectionnez le tableau avec sa ligne de titres (Nom,
            Prénom…) puis recommencez.
          </MessageBarBody>
        </MessageBar>
      )}
      <Text as="h3" size={300} weight="semibold">
        Colonnes
      </Text>
      <ul className={styles.list} aria-label="Colonnes de la feuille">
        {lines.map((line) => (
          <li key={`${line.sheet ?? ''}|${line.letter}`} className={styles.column}>
            <Field
              label={`Colonne ${line.letter} : «\u00a0${line.header}\u00a0»`}
              hint={line.key ? originLabel(line) : 'non importée'}
            >
              <Select
                value={line.key ?? NOT_IMPORTED}
                disabled={busy}
                onChange={(_, data) => onChangeMapping(line.header, data.value || null)}
              >
                <option value={NOT_IMPORTED}>Ne pas importer</option>
                {fieldChoices.map((choice) => (
                  <option key={choice.key} value={choice.key}>
                    {choice.label}
                  </option>
                ))}
              </Select>
            </Field>
          </li>
        ))}
      </ul>
      {result.unmappedColumns.length > 0 && (
        <MessageBar intent="info">
          <MessageBarBody>
            Colonnes non reconnues, non importées&nbsp;:{' '}
            {result.unmappedColumns.map((c) => `${c.column} «\u00a0${c.header}\u00a0»`).join(', ')}.
            Choisissez un champ ci-dessus pour les importer.
          </MessageBarBody>
        </MessageBar>
      )}

      <Text as="h3" size={300} weight="semibold">
        {errors.length === 0
          ? 'Aucune cellule en erreur'
          : `${errors.length} cellule${errors.length > 1 ? 's' : ''} en erreur`}
      </Text>
      {errors.length > 0 && (
        <ul className={styles.list} aria-label="Cellules en erreur">
          {errors.slice(0, SHOWN_ERRORS).map((error) => (
            <li key={`${error.row}|${error.column}|${error.message}`} className={styles.error}>
              <Text>{error.message}</Text>
              {error.address && onSelectCell && (
                <Button
                  size="small"
                  onClick={() => onSelectCell(error.sheet, error.address!)}
                  aria-label={`Afficher la cellule ${error.address}${error.sheet ? ` de la feuille ${error.sheet}` : ''}`}
                >
                  Afficher la cellule {error.address}
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}

      {errors.length > SHOWN_ERRORS && (
        <Text size={200}>
          Seules les {SHOWN_ERRORS} premières sont affichées&nbsp;: corrigez-les dans la feuille
          puis relancez l’import.
        </Text>
      )}

      <Text as="h3" size={300} weight="semibold">
        Aperçu
      </Text>
      <div className={styles.table}>
        <Table size="small" aria-label="Aperçu des lignes importées">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Ligne</TableHeaderCell>
              <TableHeaderCell>Enfant</TableHeaderCell>
              <TableHeaderCell>Résultat</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.map((row) => (
              <TableRow key={row.row}>
                <TableCell>{row.row}</TableCell>
                <TableCell>{row.name ? `${row.name} (${row.code})` : '—'}</TableCell>
                <TableCell>
                  {row.action}
                  {row.note ? ` : ${row.note}` : ''}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
      {rows.length < result.records.length + result.badRows.length && (
        <Text size={200}>Seules les {rows.length} premières lignes sont affichées.</Text>
      )}

      <div className={styles.actions}>
        <Button appearance="primary" disabled={busy || toSave === 0} onClick={onConfirm}>
          {toSave === 0
            ? 'Rien à enregistrer'
            : `Enregistrer ${toSave} fiche${toSave > 1 ? 's' : ''}`}
        </Button>
        <Button disabled={busy} onClick={onCancel}>
          Annuler
        </Button>
      </div>
    </Screen>
  );
}

export interface ImportDoneProps {
  result: ImportResult;
  /** Shown under the counts, e.g. the question about writing the codes back. */
  children?: ReactNode;
  onRestart: () => void;
}

function SummaryLines({ summary }: { summary: ImportSummary }) {
  const styles = useStyles();
  return (
    <>
      <ul className={styles.list} aria-label="Bilan de l’import">
        <li>
          {summary.created} fiche{summary.created > 1 ? 's' : ''} créée
          {summary.created > 1 ? 's' : ''}
        </li>
        <li>
          {summary.updated} fiche{summary.updated > 1 ? 's' : ''} mise
          {summary.updated > 1 ? 's' : ''} à jour
        </li>
        <li>
          {summary.ignoredTotal} ligne{summary.ignoredTotal > 1 ? 's' : ''} ignorée
          {summary.ignoredTotal > 1 ? 's' : ''}
        </li>
      </ul>
      {summary.ignored.length > 0 && (
        <ul aria-label="Lignes ignorées">
          {summary.ignored.map((i) => (
            <li key={i.reason}>
              {i.rows.length > 0 ? `${rowsLabel(i.rows)} : ` : ''}
              {i.reason}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/** After saving: created / updated / ignored with their reasons. */
export function ImportDone({ result, children, onRestart }: ImportDoneProps) {
  return (
    <Screen title="Import terminé">
      <SummaryLines summary={importSummary(result)} />
      {children}
      <Button onClick={onRestart}>Importer une autre feuille</Button>
    </Screen>
  );
}
