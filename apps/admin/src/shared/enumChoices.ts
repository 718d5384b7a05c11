/** Choices for react-admin selects whose names are translation keys of an enum. */
export function enumChoices(
  enumName: string,
  values: readonly string[],
): { id: string; name: string }[] {
  return values.map((value) => ({ id: value, name: `app.enums.${enumName}.${value}` }));
}
