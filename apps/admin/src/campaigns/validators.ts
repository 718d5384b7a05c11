/** At most `max` characters as people count them (a Hangul syllable or an emoji is one). */
export function maxChars(max: number) {
  return (value: unknown) => {
    if (typeof value !== 'string') {
      return undefined;
    }
    const now = [...value].length;
    return now > max ? { message: 'app.validation.max_chars', args: { max, now } } : undefined;
  };
}

export function maxItems(max: number, message: string) {
  return (value: unknown) =>
    Array.isArray(value) && value.length > max ? { message, args: { max } } : undefined;
}
