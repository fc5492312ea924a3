/**
 * The templates Passerelle ships (sources: the .fodt files beside this one,
 * built by build-templates.mjs). Each has a name and the aliases the command
 * line accepts in place of a file.
 */
import { docxBase64 } from './docx-data.generated';

export interface DefaultTemplate {
  name: string;
  /** Other names accepted for it, e.g. `defaut`, `tableau`. */
  aliases: string[];
  title: string;
  description: string;
  /** The .docx bytes (a fresh copy each call). */
  docx(): Uint8Array;
}

function decode(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

function shipped(
  name: string,
  aliases: string[],
  title: string,
  description: string,
): DefaultTemplate {
  const base64 = docxBase64[name];
  if (base64 === undefined)
    throw new Error(`shipped template ${name} missing: run build-templates.mjs`);
  return { name, aliases, title, description, docx: () => decode(base64) };
}

export const defaultTemplates: readonly DefaultTemplate[] = [
  shipped(
    'compte-rendu-eps',
    ['defaut', 'tableau', 'compte-rendu'],
    'Compte rendu d’EPS',
    'Participants, excusés et tableau des situations examinées (paysage).',
  ),
  shipped(
    'fiche-synthese',
    ['fiche', 'synthese'],
    'Fiche de synthèse par situation',
    'Une page par situation : repères, synthèse, décision, actions, prochaine revue.',
  ),
];

/** The shipped template called `name` (or one of its aliases), if any. */
export function findDefaultTemplate(name: string): DefaultTemplate | undefined {
  const wanted = name.trim().toLowerCase();
  return defaultTemplates.find((t) => t.name === wanted || t.aliases.includes(wanted));
}
