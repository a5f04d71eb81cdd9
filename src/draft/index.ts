/**
 * The draft stage: a report's bytes → its text (readReport: .txt, .docx, .html) → brief YAML
 * draft (draftBrief, pure). The CLI reads the file and writes the draft.
 */
export { draftBrief, type DraftOptions, type DraftResult } from './draft.js';
export { readReport, type ReportText } from './read.js';
export { DATE_PLACEHOLDER } from './dates.js';
