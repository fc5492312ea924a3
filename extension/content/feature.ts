/**
 * One feature per file, registered declaratively (refined-github's shape):
 * each gets the page context and an AbortSignal that tears it down. A feature
 * that fails says so on the page instead of failing silently.
 */
import type { Webmail } from '../webmails';
import type { Ask } from './ask';
import type { Checker } from './checker';
import type { Overlay } from './overlay';

export interface FeatureContext {
  doc: Document;
  webmail: Webmail;
  overlay: Overlay;
  checker: Checker;
  ask: Ask;
  /** The team's internal e-mail domains (setting `domainesInternes`, kept up to date). */
  internalDomains(): readonly string[];
}

export interface Feature {
  id: string;
  init(context: FeatureContext, signal: AbortSignal): void | Promise<void>;
}

export const defineFeature = (feature: Feature): Feature => feature;

export async function runFeatures(
  features: readonly Feature[],
  context: FeatureContext,
  signal: AbortSignal,
): Promise<void> {
  for (const feature of features) {
    try {
      await feature.init(context, signal);
    } catch {
      context.overlay.notice(
        `Passerelle : une partie de la vérification (${feature.id}) n’a pas pu démarrer sur cette page. Rechargez la page ; si cela recommence, signalez-le à votre référent informatique.`,
      );
    }
  }
}
