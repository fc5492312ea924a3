/**
 * One situation of the EPS session as the pane edits it: who (code, kind,
 * age, class, référent — from the caseload), then what the EPS says: the
 * summary, the decision, the actions with their domain and the next review,
 * in the dictionary's French labels.
 */
import { Button, Field, Input, Select, Text, Textarea, tokens } from '@fluentui/react-components';
import {
  decisions,
  domains,
  fieldLabel,
  grades,
  labelOf,
  sessionFieldLabels,
  situationKinds,
  type Action,
  type Decision,
  type Domain,
  type Situation,
} from '../../../shared/parcours';

const label = (key: string) => sessionFieldLabels[`situations[].${key}`] ?? key;

/** «Entrée — 6e, 12 ans, Sonia Martel»: what the caseload says about the situation. */
export function situationHeading(s: Situation): string {
  const details = [
    s.grade ? labelOf(grades, s.grade) : null,
    typeof s.age === 'number' ? `${s.age} ans` : null,
    s.referent ?? null,
  ].filter(Boolean);
  const kind = s.kind ? labelOf(situationKinds, s.kind) : 'Situation';
  return `${kind}${details.length ? ` — ${details.join(', ')}` : ''}`;
}

export function SituationEditor({
  situation,
  onChange,
  onRemove,
}: {
  situation: Situation;
  onChange(next: Situation): void;
  onRemove(): void;
}) {
  const actions = situation.actions ?? [];
  const setActions = (next: Action[]) => onChange({ ...situation, actions: next });
  const setAction = (index: number, change: Partial<Action>) =>
    setActions(actions.map((a, i) => (i === index ? { ...a, ...change } : a)));
  const id = `situation-${situation.code}`;
  return (
    <fieldset
      aria-labelledby={`${id}-titre`}
      style={{
        border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
        borderRadius: tokens.borderRadiusMedium,
        padding: tokens.spacingHorizontalM,
        margin: 0,
        display: 'flex',
        flexDirection: 'column',
        gap: tokens.spacingVerticalS,
      }}
    >
      <Text id={`${id}-titre`} weight="semibold" block>
        {situation.code}
      </Text>
      <Text size={200} block>
        {situationHeading(situation)}
      </Text>
      <Field label={label('summary')}>
        <Textarea
          value={situation.summary ?? ''}
          onChange={(_, d) => onChange({ ...situation, summary: d.value })}
          resize="vertical"
        />
      </Field>
      <Field label={label('decision')}>
        <Select
          value={situation.decision ?? ''}
          onChange={(_, d) =>
            onChange({ ...situation, decision: (d.value || null) as Decision | null })
          }
        >
          <option value="">À décider</option>
          {decisions.values.map((value) => (
            <option key={value} value={value}>
              {decisions.labels[value]}
            </option>
          ))}
        </Select>
      </Field>
      <Text size={200} weight="semibold" block>
        {label('actions')}
      </Text>
      {actions.map((action, index) => (
        <div key={index} style={{ display: 'flex', gap: 4, flexWrap: 'wrap', alignItems: 'end' }}>
          <Field
            label={`${fieldLabel('actions[].label')} ${index + 1}`}
            style={{ flex: '1 1 10em' }}
          >
            <Input value={action.label} onChange={(_, d) => setAction(index, { label: d.value })} />
          </Field>
          <Field label={fieldLabel('actions[].domain')} style={{ flex: '1 1 8em' }}>
            <Select
              value={action.domain ?? ''}
              onChange={(_, d) =>
                setAction(index, { domain: (d.value || undefined) as Domain | undefined })
              }
            >
              <option value="">Non précisé</option>
              {domains.values.map((value) => (
                <option key={value} value={value}>
                  {domains.labels[value]}
                </option>
              ))}
            </Select>
          </Field>
          <Button
            size="small"
            onClick={() => setActions(actions.filter((_, i) => i !== index))}
            aria-label={`Retirer l’action ${index + 1} de ${situation.code}`}
          >
            Retirer
          </Button>
        </div>
      ))}
      <div>
        <Button size="small" onClick={() => setActions([...actions, { label: '' }])}>
          Ajouter une action
        </Button>
      </div>
      <Field label={label('nextReview')}>
        <Input
          type="date"
          value={situation.nextReview ?? ''}
          onChange={(_, d) => onChange({ ...situation, nextReview: d.value || null })}
        />
      </Field>
      <div>
        <Button size="small" appearance="subtle" onClick={onRemove}>
          Retirer {situation.code} de l’ordre du jour
        </Button>
      </div>
    </fieldset>
  );
}
