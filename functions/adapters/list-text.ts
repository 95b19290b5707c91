/**
 * A list as both engines write it as text, `[a, b, c]` (Athena for every array it returns; DuckDB when a list is
 * cast to VARCHAR), split into its elements. Athena joins the elements with `, ` and quotes nothing, so an element
 * holding `, ` cannot be told apart; DuckDB quotes such an element, which is refused here rather than misread.
 * The port therefore carries lists of identifiers only (see `ResultValue`).
 */
export function listElements(text: string, engine: string): string[] {
  if (!text.startsWith("[") || !text.endsWith("]"))
    throw new Error(`${engine} returned a list as ${JSON.stringify(text.slice(0, 40))}, not as [a, b]`);
  const inner = text.slice(1, -1);
  const elements = inner === "" ? [] : inner.split(", ");
  const quoted = elements.find((element) => element.startsWith("'") || element.startsWith('"'));
  if (quoted !== undefined)
    throw new Error(
      `${engine} returned a list element that holds a comma, bracket or quote (${quoted.slice(0, 40)}), which cannot be read back; lists carry identifiers only`,
    );
  return elements;
}
