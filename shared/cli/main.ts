/**
 * shared/cli — the `passerelle` command line.
 *
 * Parses the subcommand and its options, prints French help, maps errors to
 * exit codes (0 ok, 1 findings or validation failure, 2 usage or input error).
 * Subcommands live in ./commands, one file each, loaded only when called.
 */
import { parseArgs } from 'node:util';
import { isPasserelleError } from '../parcours';
import packageJson from '../../package.json';
import { EXIT, type Command, type OptionSpec } from './command';
import { commands } from './commands';
import { nodeIO, type CliIO } from './io';

const NAME_WIDTH = 12;

function generalHelp(): string {
  const lines = [
    'Passerelle — outil local et confidentiel des Programmes de Réussite Éducative',
    '',
    'Usage : passerelle <commande> [options]',
    '',
    'Commandes :',
    ...commands.map((c) => `  ${c.name.padEnd(NAME_WIDTH)}${c.summary}`),
    '',
    'Options générales :',
    '  -h, --help      Afficher cette aide (ou celle d’une commande : passerelle <commande> --help)',
    '  -V, --version   Afficher la version',
    '',
    'Codes de sortie : 0 succès ; 1 données personnelles trouvées ou fiche invalide ;',
    '2 erreur d’utilisation ou fichier illisible.',
    'Aucune donnée ne quitte cet ordinateur.',
  ];
  return lines.join('\n');
}

function optionLine(name: string, spec: OptionSpec): string {
  const flag = `${spec.short ? `-${spec.short}, ` : '    '}--${name}${spec.type === 'string' ? ` ${spec.value ?? 'VALEUR'}` : ''}`;
  return `  ${flag.padEnd(28)}${spec.description}`;
}

function commandHelp(command: Command): string {
  return [
    `Usage : passerelle ${command.usage}`,
    '',
    command.description,
    '',
    'Options :',
    ...Object.entries(command.options).map(([name, spec]) => optionLine(name, spec)),
    optionLine('help', { type: 'boolean', short: 'h', description: 'Afficher cette aide' }),
  ].join('\n');
}

function usageError(io: CliIO, message: string, hint: string): number {
  io.err(`Erreur : ${message}\n${hint}`);
  return EXIT.usage;
}

export async function main(argv: string[], io: CliIO = nodeIO()): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined || first === '-h' || first === '--help') {
    io.out(generalHelp());
    return first === undefined ? EXIT.usage : EXIT.ok;
  }
  if (first === '-V' || first === '--version') {
    io.out(`passerelle ${packageJson.version}`);
    return EXIT.ok;
  }
  const wantsHelpOf = first === 'help' ? rest[0] : undefined;
  const name = wantsHelpOf ?? first;
  const entry = commands.find((c) => c.name === name);
  if (!entry) {
    if (first === 'help' && !wantsHelpOf) {
      io.out(generalHelp());
      return EXIT.ok;
    }
    return usageError(
      io,
      `commande inconnue « ${name} ».`,
      'Tapez « passerelle --help » pour voir les commandes.',
    );
  }
  const command = await entry.load();
  if (wantsHelpOf || rest.includes('--help') || rest.includes('-h')) {
    io.out(commandHelp(command));
    return EXIT.ok;
  }

  let parsed;
  try {
    const options = Object.fromEntries(
      Object.entries(command.options).map(([key, spec]) => [
        key,
        {
          type: spec.type,
          ...(spec.short ? { short: spec.short } : {}),
          ...(spec.multiple ? { multiple: true } : {}),
        },
      ]),
    );
    parsed = parseArgs({ args: rest, options, allowPositionals: true, strict: true });
  } catch (error) {
    const detail = String((error as Error).message).match(/'([^']+)'/)?.[1];
    return usageError(
      io,
      detail ? `option non reconnue ou incomplète « ${detail} ».` : 'options incorrectes.',
      `Tapez « passerelle ${command.name} --help » pour voir les options.`,
    );
  }

  try {
    return await command.run({ positionals: parsed.positionals, values: parsed.values }, io);
  } catch (error) {
    io.endProgress();
    if (isPasserelleError(error)) {
      io.err(`Erreur : ${error.describe()}`);
      return EXIT.usage;
    }
    // Unexpected errors: no stack trace (it could quote input data) unless asked for.
    io.err(`Erreur inattendue : ${(error as Error)?.message ?? String(error)}`);
    io.err(
      'Relancez avec PASSERELLE_DEBUG=1 pour le détail, et signalez le problème à l’équipe Passerelle.',
    );
    if (io.env.PASSERELLE_DEBUG) io.err(String((error as Error)?.stack ?? ''));
    return EXIT.usage;
  }
}
