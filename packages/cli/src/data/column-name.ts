/**
 * A CSV header name as lists of names show it (the report's columns line, messages naming a header's
 * columns): as it is, unless it holds what would make the list read as other columns — a comma or a
 * semicolon (the lists' separators), a line break (it would break the report's line, and an error's
 * line turns it into a space: "b\nc" read as "b c"), a tab or a double quote — or is empty: then
 * quoted, as in JSON, so `a, "b,c", y` is three columns where `a, b,c, y` looked like four.
 */
export function shownColumnName(name: string): string {
  return name === '' || /[,;"\t\r\n]/.test(name) ? JSON.stringify(name) : name;
}

/** Header names as a comma-separated list, each as {@link shownColumnName} shows it. */
export function shownColumnNames(names: readonly string[]): string {
  return names.map(shownColumnName).join(', ');
}
