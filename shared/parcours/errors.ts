/**
 * The one error type that crosses every boundary of the core. Its message is
 * French, says what went wrong and what to do; `place` says where (file, sheet,
 * row, column, tag…) so shells can point at it. Shells show it as is.
 */
export interface ErrorPlace {
  file?: string;
  sheet?: string | null;
  /** 1-based row as the user sees it in the spreadsheet or the line in a file. */
  row?: number;
  column?: string;
  field?: string;
  tag?: string;
  /** Surrounding text, e.g. the paragraph around a template tag. */
  context?: string;
}

export class PasserelleError extends Error {
  override readonly name = 'PasserelleError';

  constructor(
    /** Stable machine code, e.g. `import/zip-bomb`, `record/invalid`. */
    readonly code: string,
    message: string,
    readonly place: ErrorPlace = {},
    /** Further French messages, one per problem, when several were found. */
    readonly details: readonly string[] = [],
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }

  /** The message with its place and details, ready for a terminal or a pane. */
  describe(): string {
    const where = describePlace(this.place);
    const head = where ? `${where} : ${this.message}` : this.message;
    return [head, ...this.details.map((d) => `  – ${d}`)].join('\n');
  }
}

export function describePlace(place: ErrorPlace): string {
  const parts: string[] = [];
  if (place.file) parts.push(`Fichier ${place.file}`);
  if (place.sheet) parts.push(`feuille ${place.sheet}`);
  if (place.row !== undefined) parts.push(`ligne ${place.row}`);
  if (place.column) parts.push(`colonne ${place.column}`);
  if (place.field) parts.push(`champ ${place.field}`);
  if (place.tag) parts.push(`balise {${place.tag}}`);
  const text = parts.join(', ');
  return text ? text[0]!.toUpperCase() + text.slice(1) : '';
}

export function isPasserelleError(value: unknown): value is PasserelleError {
  return value instanceof PasserelleError;
}
