/**
 * A ribbon button that opens the task pane on one view: the same control in
 * the Excel/Word manifest and the Outlook one. The Excel/Word pane names its
 * pane id so every button reuses one pane.
 */
import { resourceKey, type ResourceSet } from './resources';
import type { RibbonCommand } from './source';
import { el, type XmlElement } from './xml';

export function paneButton(
  command: RibbonCommand,
  resources: ResourceSet,
  paneUrl: string,
  paneId?: string,
): XmlElement {
  const key = resourceKey(command);
  return el(
    'Control',
    { 'xsi:type': 'Button', id: command.id },
    el('Label', { resid: resources.shortString(`${key}.Label`, command.label) }),
    el(
      'Supertip',
      {},
      el('Title', { resid: `${key}.Label` }),
      el('Description', { resid: resources.longString(`${key}.Tip`, command.description) }),
    ),
    resources.ribbonIcon(),
    el(
      'Action',
      { 'xsi:type': 'ShowTaskpane' },
      ...(paneId ? [el('TaskpaneId', {}, paneId)] : []),
      el('SourceLocation', { resid: resources.url(`Taskpane.${command.view}.Url`, paneUrl) }),
    ),
  );
}
