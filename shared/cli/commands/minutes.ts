/**
 * `passerelle minutes`: fills an EPS minutes template with a session
 * (internal or shared version), or checks a template's tags.
 */
import {
  PasserelleError,
  validateDraft,
  validateSession,
  type EpsSession,
  type ParcoursDraft,
} from '../../parcours';
import {
  checkTemplate,
  defaultTemplates,
  fillTemplate,
  findDefaultTemplate,
  type MinutesVersion,
} from '../../minutes';
import { EXIT, stringOption, type Command } from '../command';
import { parseJsonList } from '../caseload-file';
import { readInput, writeFileAtomically, type CliIO } from '../io';

const VERSIONS: Record<string, MinutesVersion> = {
  interne: 'interne',
  partagee: 'partagee',
  partagée: 'partagee',
};

async function readTemplate(name: string, io: CliIO): Promise<Uint8Array> {
  const shipped = findDefaultTemplate(name);
  if (shipped && !/[./\\]/.test(name)) return shipped.docx();
  return new Uint8Array(await readInput(name, io));
}

function parseJson(bytes: Uint8Array, path: string, what: string): unknown {
  try {
    return JSON.parse(
      new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, ''),
    );
  } catch {
    throw new PasserelleError(
      'minutes/json',
      `${what} n’est pas un JSON lisible en UTF-8 : vérifiez le fichier.`,
      { file: path },
    );
  }
}

async function readSession(path: string, io: CliIO): Promise<EpsSession> {
  const result = validateSession(parseJson(await readInput(path, io), path, 'la séance'));
  if (!result.ok) {
    const { code, message, place, details } = result.error;
    throw new PasserelleError(code, message, { ...place, file: path }, details);
  }
  return result.value;
}

/** The names of an entry that fails validation: the guard still needs them. */
function namesOnly(item: unknown): ParcoursDraft {
  const text = (value: unknown) => (typeof value === 'string' && value.trim() ? value : undefined);
  const entry = (item ?? {}) as {
    code?: unknown;
    child?: { firstName?: unknown; lastName?: unknown };
    guardians?: unknown;
  };
  const guardians = Array.isArray(entry.guardians) ? entry.guardians : [];
  return {
    code: text(entry.code),
    child: { firstName: text(entry.child?.firstName), lastName: text(entry.child?.lastName) },
    guardians: guardians.map((g: { firstName?: unknown; lastName?: unknown } | null) => ({
      firstName: text(g?.firstName),
      lastName: text(g?.lastName),
    })),
  };
}

/**
 * The caseload as the name guard needs it: every entry counts, even one that
 * a strict record check would refuse (a missing id or a malformed phone
 * number must not let a name through).
 */
async function readCaseload(path: string, io: CliIO): Promise<ParcoursDraft[]> {
  const list = parseJsonList(new Uint8Array(await readInput(path, io)), path);
  let invalid = 0;
  const records = list.map((item) => {
    const result = validateDraft(item);
    if (result.ok) return result.value;
    invalid++;
    return namesOnly(item);
  });
  if (invalid) {
    io.err(
      `Attention : ${invalid} fiche${invalid > 1 ? 's' : ''} de la file active ${invalid > 1 ? 'ne sont pas valides' : 'n’est pas valide'} (vérifiez-les avec « passerelle caseload ») ; leurs noms sont tout de même recherchés.`,
    );
  }
  return records;
}

async function checkCommand(path: string, io: CliIO): Promise<number> {
  const { tags, problems } = await checkTemplate(await readTemplate(path, io));
  io.out(`Balises du modèle (${tags.length}) :`);
  for (const tag of tags) io.out(`  ${tag.raw.padEnd(22)} ${tag.where} — « ${tag.context} »`);
  if (!problems.length) {
    io.out('Aucun problème : le modèle peut être rempli.');
    return EXIT.ok;
  }
  io.err(`${problems.length} problème${problems.length > 1 ? 's' : ''} à corriger :`);
  for (const problem of problems) io.err(`  – ${problem.message}`);
  return EXIT.findings;
}

export const minutesCommand: Command = {
  name: 'minutes',
  summary: 'Remplir un modèle Word de compte rendu d’EPS, ou vérifier un modèle',
  usage: [
    'minutes --template MODELE.docx --session SEANCE.json [--caseload FILE.json] [--version interne|partagee] --out CR.docx',
    '       passerelle minutes --check-template MODELE.docx',
  ].join('\n'),
  description: [
    'Remplit un modèle Word (.docx) avec une séance d’EPS (JSON du dictionnaire des données).',
    'Version « partagee » (par défaut) : codes parcours seulement ; le document entier est contrôlé',
    'et n’est pas écrit s’il nomme un enfant ou un responsable de la file active (--caseload).',
    'Version « interne » : les initiales des enfants sont permises.',
    `Modèles fournis (à la place d’un fichier) : ${defaultTemplates.map((t) => `${t.name} (${[...t.aliases].join(', ')}) — ${t.title}`).join(' ; ')}.`,
    '--check-template liste les balises et leurs problèmes. Code de sortie 1 si le modèle a un',
    'problème ou si la version partagée contient un nom ; 2 pour une erreur d’utilisation.',
  ].join('\n'),
  options: {
    template: {
      type: 'string',
      value: 'MODELE',
      description: 'Modèle .docx, ou un modèle fourni (defaut, fiche)',
    },
    session: { type: 'string', value: 'FICHIER', description: 'Séance d’EPS (JSON)' },
    caseload: {
      type: 'string',
      value: 'FICHIER',
      description: 'File active (JSON) : initiales et contrôle des noms',
    },
    version: {
      type: 'string',
      value: 'VERSION',
      description: 'interne ou partagee (par défaut : partagee)',
    },
    out: { type: 'string', value: 'FICHIER', description: 'Document .docx à écrire' },
    'check-template': {
      type: 'string',
      value: 'MODELE',
      description: 'Vérifier un modèle sans le remplir',
    },
  },
  async run(args, io) {
    const toCheck = stringOption(args, 'check-template');
    if (toCheck) return checkCommand(toCheck, io);

    const template = stringOption(args, 'template');
    const sessionPath = stringOption(args, 'session');
    const out = stringOption(args, 'out');
    if (!template || !sessionPath || !out) {
      io.err(
        'Erreur : indiquez --template, --session et --out.\nExemple : passerelle minutes --template defaut --session seance.json --caseload file-active.json --out compte-rendu.docx',
      );
      return EXIT.usage;
    }
    const versionName = stringOption(args, 'version') ?? 'partagee';
    const version = VERSIONS[versionName.toLowerCase()];
    if (!version) {
      io.err(`Erreur : version inconnue « ${versionName} » : choisissez interne ou partagee.`);
      return EXIT.usage;
    }
    const caseloadPath = stringOption(args, 'caseload');
    const docx = await readTemplate(template, io);
    const session = await readSession(sessionPath, io);
    const caseload = caseloadPath ? await readCaseload(caseloadPath, io) : [];
    if (version === 'partagee' && !caseloadPath) {
      io.err(
        'Attention : sans --caseload, les noms des enfants ne peuvent pas être recherchés dans la version partagée.',
      );
    }
    let filled: Uint8Array;
    try {
      filled = await fillTemplate(docx, session, { version, caseload });
    } catch (error) {
      if (
        error instanceof PasserelleError &&
        /^minutes\/(template-invalid|identifying-data)$/.test(error.code)
      ) {
        io.err(`Erreur : ${error.describe()}`);
        return EXIT.findings;
      }
      throw error;
    }
    await writeFileAtomically(out, filled);
    io.out(
      `Compte rendu écrit : ${out} (${version === 'interne' ? 'version interne' : 'version partagée, contrôlée'}, ${session.situations.length} situation${session.situations.length > 1 ? 's' : ''}).`,
    );
    return EXIT.ok;
  },
};
