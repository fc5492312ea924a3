/**
 * A referral email's proposed records before saving: per child, each field
 * with the sentence it was read from (confidence, origin), the message text
 * with those sentences highlighted, whether the child is new or known, and
 * one button to save. Props and callbacks only.
 */
import {
  Badge,
  Button,
  Card,
  MessageBar,
  MessageBarBody,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { CaseloadMatch, DraftWithProvenance } from '../email';
import {
  highlightSegments,
  provenanceLines,
  provenanceSpans,
  type ProvenanceLine,
} from './referral-model';
import { HighlightedText } from './highlighted-text';

const useStyles = makeStyles({
  fields: { margin: 0, display: 'grid', gap: tokens.spacingVerticalXS },
  excerpt: { color: tokens.colorNeutralForeground2, fontStyle: 'italic' },
});

export interface ReferralDraftState {
  found: DraftWithProvenance;
  match: CaseloadMatch;
  /** Saved under this code. */
  savedAs?: string;
  /** French message when saving failed or cannot happen. */
  problem?: string;
}

export interface ReferralReviewProps {
  /** The clean text every provenance offset refers to. */
  text: string;
  drafts: readonly ReferralDraftState[];
  busy?: boolean;
  onSave(index: number): void;
}

const confidence = (c: number) => (c >= 0.9 ? 'sûr' : c >= 0.6 ? 'probable' : 'à vérifier');

function FieldList({ lines }: { lines: ProvenanceLine[] }) {
  const styles = useStyles();
  return (
    <dl className={styles.fields}>
      {lines.map((line) => (
        <div key={line.key}>
          <dt>
            <Text weight="semibold">{line.label}</Text>
          </dt>
          <dd style={{ margin: 0 }}>
            <Text>{line.value}</Text>
            {line.provenance && (
              <Text size={200} block className={styles.excerpt}>
                {line.provenance.origin === 'en-tête' ? 'En-tête' : 'Lu dans'} «&nbsp;
                {line.provenance.excerpt}&nbsp;» ({confidence(line.provenance.confidence)})
              </Text>
            )}
          </dd>
        </div>
      ))}
    </dl>
  );
}

function matchBadge(match: CaseloadMatch) {
  if (match.kind === 'nouveau') return <Badge color="brand">Nouvel enfant</Badge>;
  if (match.kind === 'mise_a_jour')
    return <Badge color="informative">Déjà suivi&nbsp;: {match.code}</Badge>;
  return <Badge color="warning">Plusieurs fiches possibles</Badge>;
}

export function ReferralReview({ text, drafts, busy, onSave }: ReferralReviewProps) {
  const all = drafts.flatMap((d) => provenanceLines(d.found));
  return (
    <>
      {drafts.map((d, index) => {
        const lines = provenanceLines(d.found);
        const name = [d.found.draft.child.firstName, d.found.draft.child.lastName]
          .filter(Boolean)
          .join(' ');
        return (
          <Card key={index} aria-label={`Fiche proposée ${index + 1}`}>
            <Text as="h3" weight="semibold">
              {name || 'Enfant sans nom'} {matchBadge(d.match)}
            </Text>
            <FieldList lines={lines} />
            {d.problem && (
              <MessageBar intent="error">
                <MessageBarBody>{d.problem}</MessageBarBody>
              </MessageBar>
            )}
            {d.savedAs ? (
              <MessageBar intent="success">
                <MessageBarBody>Enregistré dans la file active&nbsp;: {d.savedAs}.</MessageBarBody>
              </MessageBar>
            ) : (
              <Button
                appearance="primary"
                disabled={busy || d.match.kind === 'ambigu'}
                onClick={() => onSave(index)}
              >
                {d.match.kind === 'mise_a_jour'
                  ? 'Mettre à jour la fiche'
                  : 'Enregistrer dans la file active'}
              </Button>
            )}
          </Card>
        );
      })}
      <Text as="h3" weight="semibold">
        Texte du message (passages lus surlignés)
      </Text>
      <HighlightedText
        label="Texte du message"
        segments={highlightSegments(text, provenanceSpans(all))}
      />
    </>
  );
}
