/** Checks every compose editor as the user types: badge and highlights. */
import { defineFeature } from '../feature';

export default defineFeature({
  id: 'verification-des-messages',
  init: ({ checker }, signal) => checker.observe(signal),
});
