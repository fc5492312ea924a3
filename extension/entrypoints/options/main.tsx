/** Options page entry: the extension's settings, in a tab of its own. */
import { createRoot } from 'react-dom/client';
import { OptionsPage } from './app';

const container = document.getElementById('passerelle');
if (!container) throw new Error('options.html sans élément #passerelle');
createRoot(container).render(<OptionsPage />);
