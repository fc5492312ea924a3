/** «1 fiche ajoutée», «0 fiche ajoutée», «3 fiches ajoutées»: French takes the singular up to 1. */
export const count = (n: number, one: string, many: string) => `${n} ${n > 1 ? many : one}`;
