/**
 * The HTML pages the build writes: the task pane, the ribbon's function file
 * and the Outlook on-send page. Each carries a strict Content Security Policy:
 * scripts only from the add-in's own origin (plus Microsoft's office.js CDN in
 * production, as Microsoft requires for published add-ins), no inline script,
 * no eval, no network connection other than the add-in's origin.
 */
export type AddinMode = 'production' | 'preview';

/** Microsoft's hosted office.js: the only network address the add-in names. */
export const officeJsCdn = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
/** The preview serves its own copy (see `office-js.ts`). */
export const officeJsLocal = 'office/office.js';

export function officeJsSource(mode: AddinMode): string {
  return mode === 'production' ? officeJsCdn : officeJsLocal;
}

export function contentSecurityPolicy(mode: AddinMode): string {
  const scripts = mode === 'production' ? "'self' https://appsforoffice.microsoft.com" : "'self'";
  return [
    "default-src 'self'",
    `script-src ${scripts}`,
    // Fluent UI (Griffel) inserts its CSS rules at run time: styles, never scripts, are inline.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "connect-src 'self'",
    // office.js frames Microsoft's telemetry service when it can: refused, nothing leaves the pane.
    "frame-src 'none'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export interface PageOptions {
  mode: AddinMode;
  title: string;
  /** Scripts after office.js, in order. */
  scripts: { src: string; module: boolean }[];
  /** Modules the entry imports statically: fetched at once instead of after the entry is parsed. */
  preload?: string[];
  body: string;
}

export function renderPage({ mode, title, scripts, preload = [], body }: PageOptions): string {
  const tags = [
    ...preload.map((src) => `<link rel="modulepreload" href="${escapeHtml(src)}" />`),
    `<script src="${escapeHtml(officeJsSource(mode))}"></script>`,
    ...scripts.map(
      (s) => `<script${s.module ? ' type="module"' : ''} src="${escapeHtml(s.src)}"></script>`,
    ),
  ];
  return `<!doctype html>
<html lang="fr">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta http-equiv="Content-Security-Policy" content="${escapeHtml(contentSecurityPolicy(mode))}" />
    <title>${escapeHtml(title)}</title>
    <link rel="icon" type="image/png" href="assets/icon-32.png" />
    ${tags.join('\n    ')}
  </head>
  <body>
    ${body}
  </body>
</html>
`;
}
