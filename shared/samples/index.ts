/**
 * Sample data shipped with Passerelle (invented people), for demos and the
 * add-in's browser preview. Needs nothing; the JSON is bundled where imported.
 */
import caseload from './suivi-exemple.json';

/** The sample caseload (`{ records }`), as in `suivi-exemple.json`. */
export const sampleCaseload = caseload;
