/** The draft stage: report text → brief YAML draft. Pure; the CLI does the I/O. */
export { draftBrief, type DraftOptions, type DraftResult } from './draft.js';
export { DATE_PLACEHOLDER } from './dates.js';
