/** "Jane Doe" → "JD", "jane" → "J", "Dr. Jane van Doe" → "JD"; at most two letters. */
export function initials(name: string): string {
  const words = name
    .trim()
    .split(/\s+/)
    .filter((word) => /\p{L}/u.test(word) && !word.endsWith('.'));
  const letters = words.length > 1 ? [words[0], words[words.length - 1]] : words.slice(0, 1);
  return letters
    .map((word) => Array.from(word ?? '').find((char) => /\p{L}/u.test(char)) ?? '')
    .join('')
    .toLocaleUpperCase();
}
