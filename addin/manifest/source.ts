/**
 * The one source of the add-in manifests (Script Lab style): ids, version,
 * provider, display strings (French, with an English fallback), URLs built
 * from a base URL, icons and ribbon commands. `generate.ts` renders from it
 * the Excel + Word task-pane manifest (`manifest.xml`) and the Outlook mail
 * manifest (`addin/outlook/manifest.xml`); the pane reads the same host
 * requirements to check the running Office at start-up.
 */
import packageJson from '../../package.json';
import { commandViewIds, viewParameter, type CommandViewId } from '../taskpane/view-ids';
import { outlookNames } from './outlook-names';

/** A display string: French shown by default, English for `en-US` Office. */
export interface LocalisedText {
  fr: string;
  en: string;
}

/** Icon sizes the build rasterises: 16/32/80 ribbon, 32/64 task-pane icon, 64/128 Outlook. */
export const iconSizes = [16, 32, 64, 80, 128] as const;
export type IconSize = (typeof iconSizes)[number];

export type TaskPaneHost = 'Workbook' | 'Document';

export interface RibbonCommand {
  /** Control id, unique in the manifest. */
  id: string;
  view: CommandViewId;
  label: LocalisedText;
  /** Supertip text under the label (≤ 250 characters). */
  description: LocalisedText;
}

export interface TaskPaneCommand extends RibbonCommand {
  /** Office hosts that show the button: a command only appears where its view works. */
  hosts: TaskPaneHost[];
}

export { hostRequirements, type RequirementHost } from './requirements';

/** `0.1.0` (package.json) → `0.1.0.0`, the four-part form Office wants. */
export function manifestVersion(semver: string): string {
  const parts = semver.split(/[.+-]/).slice(0, 3);
  if (parts.length !== 3 || parts.some((p) => !/^\d+$/.test(p))) {
    throw new Error(`Version ${semver} : attendu «majeur.mineur.correctif».`);
  }
  return [...parts, '0'].join('.');
}

export const manifestSource = {
  /** Where `npm run serve:office` serves the pane; `npm run build:addin -- --base-url` for a server. */
  baseUrl: 'https://localhost:3000',
  version: manifestVersion(packageJson.version),
  provider: 'Passerelle (Programmes de Réussite Éducative)',
  displayName: { fr: 'Passerelle', en: 'Passerelle' },
  groupLabel: { fr: 'Passerelle', en: 'Passerelle' },
  taskPane: {
    id: '0c12d592-dac7-4a4b-a127-03430f0fa933',
    /** All buttons open the same pane, on the view they name. */
    paneId: 'Passerelle.Volet',
    description: {
      fr: 'Importez vos tableaux de suivi PRE, remplissez les comptes rendus d’EPS et vérifiez un classeur ou un document avant de le partager. Les données restent sur votre ordinateur.',
      en: 'Import PRE tracking sheets, fill EPS minutes and check a workbook or document before sharing it. Data stays on your computer.',
    },
    hosts: ['Workbook', 'Document'] satisfies TaskPaneHost[],
    commands: [
      {
        id: 'Passerelle.Importer',
        view: commandViewIds.import,
        hosts: ['Workbook'],
        label: { fr: 'Importer', en: 'Import' },
        description: {
          fr: 'Importer la sélection, le tableau ou une feuille dans la file active.',
          en: 'Import the selection, the table or a sheet into the caseload.',
        },
      },
      {
        id: 'Passerelle.CompteRenduEps',
        view: commandViewIds.eps,
        hosts: ['Document'],
        label: { fr: 'Compte rendu EPS', en: 'EPS minutes' },
        description: {
          fr: 'Préparer la séance d’EPS et insérer son compte rendu dans le document.',
          en: 'Prepare the EPS session and insert its minutes into the document.',
        },
      },
      {
        id: 'Passerelle.Verifier',
        view: commandViewIds.verification,
        hosts: ['Workbook', 'Document'],
        label: { fr: 'Vérifier avant partage', en: 'Check before sharing' },
        description: {
          fr: 'Repérer les noms et identifiants d’enfants avant de partager, puis créer une copie pseudonymisée.',
          en: 'Find children’s names and identifiers before sharing, then create a pseudonymised copy.',
        },
      },
    ] satisfies TaskPaneCommand[],
  },
  outlook: {
    id: '59d43d0e-a4be-4326-bbdd-497d64e01e84',
    description: {
      fr: 'Créez un parcours depuis un courriel de saisine et vérifiez un message avant son envoi à un partenaire.',
      en: 'Create a parcours from a referral email and check a message before it is sent to a partner.',
    },
    readCommand: {
      id: 'Passerelle.CreerParcours',
      view: commandViewIds.courriel,
      label: {
        fr: 'Créer un parcours depuis ce message',
        en: 'Create a parcours from this message',
      },
      description: {
        fr: 'Extraire une fiche parcours de ce courriel de saisine, la corriger puis l’enregistrer.',
        en: 'Extract a parcours record from this referral email, correct it, then save it.',
      },
    } satisfies RibbonCommand,
    composeCommand: {
      id: outlookNames.composeCommandId,
      view: commandViewIds.envoi,
      label: { fr: 'Vérifier avant envoi', en: 'Check before sending' },
      description: {
        fr: 'Repérer les noms et identifiants d’enfants dans ce message et les pseudonymiser.',
        en: 'Find children’s names and identifiers in this message and pseudonymise them.',
      },
    } satisfies RibbonCommand,
    onSend: {
      functionName: outlookNames.onSendFunction,
      sendMode: 'SoftBlock',
      script: outlookNames.onSendScript,
      page: outlookNames.onSendPage,
    },
  },
} as const;

/** URLs of the files the build writes under `dist/addin/`, from the base URL. */
export function manifestUrls(baseUrl: string) {
  const base = baseUrl.replace(/\/+$/, '');
  return {
    base,
    /** The pane without a view: it opens the first view the host offers. */
    taskpaneHome: `${base}/taskpane.html`,
    taskpane: (view: CommandViewId) => `${base}/taskpane.html?${viewParameter}=${view}`,
    icon: (size: IconSize) => `${base}/assets/icon-${size}.png`,
    commands: `${base}/commands.html`,
    onSendPage: `${base}/${manifestSource.outlook.onSend.page}`,
    onSendScript: `${base}/${manifestSource.outlook.onSend.script}`,
  };
}
