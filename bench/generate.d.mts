/** A generated brief of `units` units in the genre of the sample, as plain data. */
export function generatedBrief(units: number, seedText?: string): Record<string, unknown>;
