/**
 * Fills a template with an EPS session. The template is checked first (no
 * document is produced from a template with problems); the shared version is
 * cleaned, its whole text searched for the caseload's names and scanned by the
 * anonymisation core before it is returned, and any finding blocks it.
 */
import { PasserelleError, validateSession, type EpsSession, type ParcoursDraft } from '../parcours';
import { compileTemplate, lexTemplate } from './check';
import { openTemplate } from './package';
import {
  findCaseloadNames,
  packageText,
  removeComments,
  stripIdentifyingProperties,
  scanForIdentifiers,
  type PrivacyFinding,
} from './privacy';
import { MISSING, templateData, type MinutesVersion } from './values';

export interface FillOptions {
  /** `partagee` (default): codes only, checked before it is returned. `interne`: initials allowed. */
  version?: MinutesVersion;
  /** The parcours records behind the session's codes: initials (internal) and names to guard against. */
  caseload?: readonly ParcoursDraft[];
}

function templateRejected(problems: { message: string; tag?: string }[]): PasserelleError {
  const tags = [...new Set(problems.map((p) => p.tag).filter(Boolean))];
  return new PasserelleError(
    'minutes/template-invalid',
    `le modèle a ${problems.length} problème${problems.length > 1 ? 's' : ''}${tags.length ? ` (balises ${tags.map((t) => `{${t}}`).join(', ')})` : ''} : corrigez-le dans Word puis relancez. Aucun document n’a été produit.`,
    {},
    problems.map((p) => p.message),
  );
}

function leaked(findings: PrivacyFinding[]): PasserelleError {
  return new PasserelleError(
    'minutes/identifying-data',
    `la version partagée contient ${findings.length} élément${findings.length > 1 ? 's' : ''} identifiant${findings.length > 1 ? 's' : ''} : le document n’a pas été écrit. Retirez ces éléments de la séance ou du modèle, puis relancez.`,
    {},
    findings.map((f) => f.reason),
  );
}

/** `fillTemplate(docx, session, options)` → the filled .docx. Throws `PasserelleError` in French. */
export async function fillTemplate(
  docx: Uint8Array,
  session: EpsSession,
  options: FillOptions = {},
): Promise<Uint8Array> {
  const version = options.version ?? 'partagee';
  const valid = validateSession(session);
  if (!valid.ok) throw valid.error;
  const template = await openTemplate(docx);
  const { tags, problems } = lexTemplate(template);
  if (problems.length) throw templateRejected(problems);
  // Loops over absent lists render nothing; an absent value prints a dash, never «undefined».
  const compiled = compileTemplate(template.zip, tags, {
    nullGetter: (part) => (part.module ? '' : MISSING),
  });
  if (!compiled.doc) throw templateRejected(compiled.problems);
  const doc = compiled.doc;
  try {
    doc.render(templateData(valid.value, version, options.caseload));
  } catch (error) {
    throw new PasserelleError(
      'minutes/render',
      'le modèle n’a pas pu être rempli : vérifiez-le avec « passerelle minutes --check-template ».',
      {},
      [],
      { cause: error },
    );
  }
  const out = doc.getZip();
  stripIdentifyingProperties(out);
  if (version === 'partagee') {
    removeComments(out);
    const texts = packageText(out);
    const caseload = options.caseload ?? [];
    const findings = [
      ...findCaseloadNames(texts, caseload),
      ...scanForIdentifiers(texts, caseload, valid.value),
    ];
    if (findings.length) throw leaked(findings);
  }
  // Fastest deflate level: a filled compte rendu is tens of kilobytes, the time matters more.
  return out.generate({
    type: 'uint8array',
    compression: 'DEFLATE',
    compressionOptions: { level: 1 },
  });
}
