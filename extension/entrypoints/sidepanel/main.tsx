/** Side panel entry (Chrome side_panel, Firefox sidebar_action): the shell, views load on demand. */
import { createRoot } from 'react-dom/client';
import { SidePanel } from './app';

const container = document.getElementById('passerelle');
if (!container) throw new Error('sidepanel.html sans élément #passerelle');
createRoot(container).render(<SidePanel />);
