/** Milliseconds from an arbitrary start, for the times the CLI reports. process.hrtime, not
 * `performance`: perf_hooks (which the global loads) costs every start ~1.5 ms. */
export const now = (): number => Number(process.hrtime.bigint()) / 1e6;
