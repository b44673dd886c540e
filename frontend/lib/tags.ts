/** Tags as the app tidies them, wherever they come from (typed, pasted, the address). */

export const MAX_TAGS = 10;
export const MAX_TAG_LENGTH = 32;

/**
 * `current` plus the tags in `text`, which may hold several separated by commas (typed or pasted):
 * each trimmed, without a leading "#", cut to 32 characters, skipped when already there (ignoring
 * case), up to `max` in all. `refused` lists those that did not fit.
 */
export function addTags(current: readonly string[], text: string, max = MAX_TAGS): { tags: string[]; refused: string[] } {
  const tags = [...current];
  const refused: string[] = [];
  for (const part of text.split(",")) {
    const tag = part.trim().replace(/^#+/, "").trim().slice(0, MAX_TAG_LENGTH);
    if (!tag || tags.some((t) => t.toLowerCase() === tag.toLowerCase())) continue;
    if (tags.length >= max) {
      if (!refused.some((t) => t.toLowerCase() === tag.toLowerCase())) refused.push(tag);
    } else tags.push(tag);
  }
  return { tags, refused };
}
