/** Every content-script feature, in start order. One file each. */
import checkEditors from './check-editors';
import sendGuard from './send-guard';
import unrecognisedEditor from './unrecognised-editor';

export const FEATURES = [checkEditors, sendGuard, unrecognisedEditor];
