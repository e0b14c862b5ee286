/**
 * The first sentence of a message: what the Problems panel and a CI log line show before they cut
 * it, so it must say what breaks on its own (the house rule caps it at 100 characters).
 *
 * A sentence ends at a `.` followed by a space, or at the end of the text. A `.` inside a code span
 * (`` `a. b` ``) or a double-quoted console text (`"… mode. (…)"`) ends nothing, and `:` or `;` never
 * ends a sentence. Single quotes are not tracked: the catalog uses them for values and apostrophes
 * alike, and no value it quotes holds `. `.
 */
export function firstSentence(text: string): string {
  let closing: string | undefined;
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (closing !== undefined) {
      if (char === closing) closing = undefined;
    } else if (char === '`' || char === '"') {
      closing = char;
    } else if (char === '.' && (index + 1 === text.length || text[index + 1] === ' ')) {
      return text.slice(0, index + 1);
    }
  }
  return text;
}

/** The house limit for a first sentence, placeholders filled. */
export const FIRST_SENTENCE_MAX = 100;
