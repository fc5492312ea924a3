/**
 * Task pane entry: find out where the pane runs (Office host or browser
 * preview), then render the shell. Views load on demand.
 */
import { createRoot } from 'react-dom/client';
import { App } from './app';
import { detectEnvironment } from './environment';

const container = document.getElementById('passerelle');
if (!container) throw new Error('taskpane.html sans élément #passerelle');
const root = createRoot(container);
void detectEnvironment(location.search).then((environment) =>
  root.render(<App environment={environment} />),
);
