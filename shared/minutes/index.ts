/**
 * shared/minutes — comptes rendus d'EPS from Word templates.
 *
 * `checkTemplate(docx)` lists a template's tags (body, headers, footers,
 * tables) and checks them against the data dictionary §2; `fillTemplate(docx,
 * session, options)` fills it in an internal version (initials allowed) or a
 * shared one (codes only, whole package searched for the caseload's names and
 * passed to the injected anonymisation scanner before it is returned);
 * `proposeAgenda(records, date)` builds a session's situations from the
 * caseload; `defaultTemplates` are the shipped templates;
 * `removeComments`/`stripIdentifyingProperties` clean any .docx before it is shared.
 * Needs shared/parcours, shared/zip, docxtemplater (default parser only) and pizzip; no
 * I/O: bytes in, bytes out. Runs in Node and browsers.
 */
export {
  checkTemplate,
  TEMPLATE_LIMITS,
  type TemplateCheck,
  type TemplateProblem,
  type TemplateTag,
  type TagKind,
} from './check';
export { fillTemplate, type FillOptions } from './fill';
export { proposeAgenda, type AgendaOptions } from './agenda';
export { versionLabels, MISSING, type MinutesVersion } from './values';
export { removeComments, stripIdentifyingProperties, type PrivacyFinding } from './privacy';
export { ZIP_LIMITS } from './package';
export { defaultTemplates, findDefaultTemplate, type DefaultTemplate } from './templates/defaults';
