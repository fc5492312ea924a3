/**
 * shared/zip — opens zip archives (.xlsx, .ods, .docx) defensively, before any
 * parser inflates them: the directory must be whole and its declared sizes
 * within limits, and a part must really inflate to no more than it declares
 * (a zip bomb lies about its sizes, so the output is counted while streaming
 * and cut as soon as it outgrows the header). Inflation uses the platform's
 * native `DecompressionStream`. Each caller words its own French errors.
 * Needs only shared/parcours (PasserelleError).
 */
export { readZipDirectory, type ZipEntry, type ZipErrors, type ZipLimits } from './directory';
export { inflateEntry, inflateZip, checkInflation, type ZipPart } from './inflate';
export { storedZip } from './stored';
