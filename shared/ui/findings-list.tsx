/**
 * Findings of a check, grouped by person then by kind, each with its cell
 * (or place) and French reason; one click on a finding calls `onSelect`
 * (Excel selects the cell, Word scrolls to the passage). Never shows the value found.
 */
import { Button, Text } from '@fluentui/react-components';
import type { FindingType } from '../anonymisation';

export interface ListedFinding {
  /** Where it is, e.g. `B4`. */
  cell: string;
  type: FindingType;
  reason: string;
  /** Who it is about: a parcours code or a description. */
  person: string;
}

export interface FindingsListProps<F extends ListedFinding> {
  findings: readonly F[];
  /** Accessible name of the list, e.g. «Données personnelles trouvées». */
  label: string;
  onSelect?(finding: F): void;
  /** What a click does, for screen readers (default «Sélectionner la cellule»). */
  selectLabel?: string;
}

export const findingTypeLabels: Record<FindingType, string> = {
  PERSONNE: 'Noms',
  EMAIL: 'Adresses e-mail',
  TELEPHONE: 'Téléphones',
  ADRESSE: 'Adresses postales',
  DATE_NAISSANCE: 'Dates de naissance',
  NIR: 'Numéros de sécurité sociale',
  INE: 'Identifiants élèves (INE)',
  IBAN: 'Coordonnées bancaires',
  NUM_ALLOCATAIRE: 'Numéros d’allocataire',
  ETABLISSEMENT: 'Établissements',
  CLASSE: 'Classes',
  AGE: 'Âges',
  QUARTIER: 'Quartiers',
  SANTE: 'Santé',
  JUSTICE_PROTECTION: 'Justice et protection',
};

/** Person → type → findings, in first-seen order. */
export function groupFindings<F extends ListedFinding>(
  findings: readonly F[],
): { person: string; types: { type: FindingType; findings: F[] }[] }[] {
  const people = new Map<string, Map<FindingType, F[]>>();
  for (const f of findings) {
    let types = people.get(f.person);
    if (!types) people.set(f.person, (types = new Map()));
    const list = types.get(f.type);
    if (list) list.push(f);
    else types.set(f.type, [f]);
  }
  return [...people].map(([person, types]) => ({
    person,
    types: [...types].map(([type, list]) => ({ type, findings: list })),
  }));
}

export function FindingsList<F extends ListedFinding>({
  findings,
  label,
  onSelect,
  selectLabel = 'Sélectionner la cellule',
}: FindingsListProps<F>) {
  const groups = groupFindings(findings);
  return (
    <ul aria-label={label} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {groups.map((group) => (
        <li key={group.person} style={{ marginBottom: 8 }}>
          <Text weight="semibold" block>
            {group.person}
          </Text>
          {group.types.map(({ type, findings: list }) => (
            <div key={type} style={{ marginLeft: 8 }}>
              <Text size={200} block>
                {findingTypeLabels[type]} ({list.length})
              </Text>
              <ul style={{ listStyle: 'none', paddingLeft: 8, margin: 0 }}>
                {list.map((f, i) => (
                  <li key={`${f.cell}-${i}`}>
                    {onSelect ? (
                      <Button
                        size="small"
                        appearance="subtle"
                        onClick={() => onSelect(f)}
                        aria-label={`${selectLabel} ${f.cell} : ${f.reason}`}
                      >
                        {f.cell} — {f.reason}
                      </Button>
                    ) : (
                      <Text size={200}>
                        {f.cell} — {f.reason}
                      </Text>
                    )}
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </li>
      ))}
    </ul>
  );
}
