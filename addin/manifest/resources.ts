/**
 * The `<Resources>` block both manifests share: images, URLs and strings by
 * resource id, each string in French with its `en-US` override.
 */
import { el, type XmlElement } from './xml';
import { iconSizes, manifestUrls, type IconSize, type LocalisedText } from './source';

/** Limits Office enforces on resource strings. */
const shortStringLimit = 125;
const longStringLimit = 250;

export const englishLocale = 'en-US';

/** `<Name DefaultValue="fr"><Override Locale="en-US" Value="en"/></Name>`. */
export function localisedValue(name: string, text: LocalisedText): XmlElement {
  return el(
    name,
    { DefaultValue: text.fr },
    el('Override', { Locale: englishLocale, Value: text.en }),
  );
}

/** Office caps resource ids at 32 characters. */
const resourceIdLimit = 32;

/** `Passerelle.Importer` → `Importer`: the command's part of its resource ids. */
export const resourceKey = (command: { id: string }) => command.id.replace(/^Passerelle\./, '');

export const iconResourceId = (size: IconSize) => `Icon.${size}x${size}`;

export class ResourceSet {
  private readonly urls = new Map<string, string>();
  private readonly shortStrings = new Map<string, LocalisedText>();
  private readonly longStrings = new Map<string, LocalisedText>();

  constructor(private readonly baseUrl: string) {}

  url(id: string, url: string): string {
    checkId(id);
    this.urls.set(id, url);
    return id;
  }

  shortString(id: string, text: LocalisedText): string {
    return this.addString(this.shortStrings, shortStringLimit, id, text);
  }

  longString(id: string, text: LocalisedText): string {
    return this.addString(this.longStrings, longStringLimit, id, text);
  }

  /** `<Icon>` with the ribbon sizes (16, 32, 80). */
  ribbonIcon(): XmlElement {
    return el(
      'Icon',
      {},
      ([16, 32, 80] as const).map((size) =>
        el('bt:Image', { size: String(size), resid: iconResourceId(size) }),
      ),
    );
  }

  render(): XmlElement {
    const urls = manifestUrls(this.baseUrl);
    const strings = (map: Map<string, LocalisedText>) =>
      [...map].map(([id, text]) =>
        el(
          'bt:String',
          { id, DefaultValue: text.fr },
          el('bt:Override', { Locale: englishLocale, Value: text.en }),
        ),
      );
    return el(
      'Resources',
      {},
      el(
        'bt:Images',
        {},
        iconSizes.map((size) =>
          el('bt:Image', { id: iconResourceId(size), DefaultValue: urls.icon(size) }),
        ),
      ),
      el(
        'bt:Urls',
        {},
        [...this.urls].map(([id, url]) => el('bt:Url', { id, DefaultValue: url })),
      ),
      el('bt:ShortStrings', {}, strings(this.shortStrings)),
      el('bt:LongStrings', {}, strings(this.longStrings)),
    );
  }

  private addString(
    map: Map<string, LocalisedText>,
    limit: number,
    id: string,
    text: LocalisedText,
  ): string {
    checkId(id);
    for (const value of [text.fr, text.en]) {
      if (value.length > limit) {
        throw new Error(`Texte «${id}» trop long (${value.length} > ${limit} caractères).`);
      }
    }
    map.set(id, text);
    return id;
  }
}

function checkId(id: string): void {
  if (id.length > resourceIdLimit) {
    throw new Error(
      `Identifiant de ressource «${id}» trop long (> ${resourceIdLimit} caractères).`,
    );
  }
}
