/**
 * Chinese strings the glossary deliberately renders with different English in different places, each
 * with the reason (reviewed). Keyed by the Chinese without quotes or spaces (see `zhKey`).
 */
export const JUSTIFIED_RENDERING_DIFFERENCES: Record<string, string> = {
  政治建设:
    "Two senses: in the five-sphere plan (五位一体) it is the state's political development; alone, as a guarded form of 党的政治建设, it is the Party's political building.",
  共享:
    'Official renderings depend on the formula: "shared development" in the new development philosophy, "common interests"/sharing in 共建共治共享.',
};
