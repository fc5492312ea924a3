/** The toolbar button opens the side panel: Chrome's own behaviour, Firefox's sidebar from the click. */
import { describe, expect, it, vi } from 'vitest';
import { openPanelFromToolbar } from '../../extension/pages/open-panel';

describe('toolbar button', () => {
  it('Chrome: the side panel opens on the action click', () => {
    const setPanelBehavior = vi.fn(async () => undefined);
    const addListener = vi.fn();
    openPanelFromToolbar({
      sidePanel: { setPanelBehavior },
      action: { onClicked: { addListener } },
    });
    expect(setPanelBehavior).toHaveBeenCalledWith({ openPanelOnActionClick: true });
    expect(addListener).not.toHaveBeenCalled();
  });

  it('Firefox: the click opens the sidebar', () => {
    const open = vi.fn(async () => undefined);
    let click: (() => void) | undefined;
    openPanelFromToolbar({
      sidebarAction: { open },
      action: { onClicked: { addListener: (listener) => void (click = listener) } },
    });
    expect(open).not.toHaveBeenCalled();
    click!();
    expect(open).toHaveBeenCalledOnce();
  });
});
