/** A stage as the query engine receives it: the relation's name and the SELECT that defines it. */
export type Stage = readonly [name: string, sql: string];

const STAGE_NAME = /^[a-z_][a-z0-9_]*$/;

/** Throws unless a stage name is a plain lower-case SQL identifier, safe to write into a query unquoted. */
export function assertStageName(name: string): void {
  if (!STAGE_NAME.test(name))
    throw new Error(`invalid stage name: ${JSON.stringify(name)} (use lower-case letters, digits and _)`);
}

/**
 * The stage's SQL as one statement without comments or trailing semicolons, after checking that its name is an
 * identifier and that it is exactly one statement without `?` placeholders (a stage takes no parameters).
 */
export function stageStatement(name: string, sql: string): string {
  assertStageName(name);
  const stage = statementOf(sql, `stage ${name}`);
  if (stage.tokens.some((token) => token.text === "?"))
    throw new Error(`stage ${name} has a ? placeholder; stages take no parameters`);
  return stage.text;
}

/**
 * Rewrites a statement so that the named relations it reads are defined by common table expressions, for an
 * engine that keeps a stage somewhere other than under its own name: Athena reads each stage from the table a
 * compute run materialised it into, as `name AS (SELECT * FROM <run table>)`. Only the relations the statement
 * mentions are prepended, in the order given; every other reference is left as it is, so qualified column
 * references (`name.column`) and aliases keep working. Names are matched as SQL tokens, never inside strings,
 * quoted text or comments, nor as part of a longer name. Comments and trailing semicolons are dropped; a
 * statement with its own `WITH` gets one merged `WITH` list, and may not define a relation's name itself.
 */
export function withRelations(
  relations: readonly (readonly [name: string, sql: string])[],
  sql: string,
  label = "the query",
): string {
  return withDefinitions(relations, sql, label, (query) => query.references);
}

/**
 * Like `withRelations`, for relations that build on each other: a relation may read the relations given before
 * it, and every relation the statement reads, directly or through another, is defined, once, in the order given.
 * Used to run a chain of SQL (a scenario's adjusted base facts and the framework stages over them) as one
 * statement with bound parameters, which a stage cannot take.
 */
export function withRelationChain(
  relations: readonly (readonly [name: string, sql: string])[],
  sql: string,
  label = "the query",
): string {
  return withDefinitions(relations, sql, label, (query, defined) => {
    const needed = new Set<string>();
    const visit = (references: ReadonlySet<string>) => {
      for (const name of references) {
        const definition = defined.get(name);
        if (!definition || needed.has(name)) continue;
        needed.add(name);
        visit(definition.references);
      }
    };
    visit(query.references);
    return needed;
  });
}

/**
 * The statement with every relation reference in `renames` (old name → new name) replaced, matched as SQL
 * tokens exactly as `withRelations` matches them (never inside strings or comments, nor as part of a longer
 * name); comments and trailing semicolons are dropped. Runs a stage's or a query's SQL over other versions of
 * the relations it reads, e.g. a scenario's adjusted facts.
 */
export function renameRelations(
  sql: string,
  renames: ReadonlyMap<string, string>,
  label = "the query",
): string {
  for (const name of renames.values()) assertStageName(name);
  const statement = statementOf(sql, label);
  let text = "";
  let position = 0;
  for (const token of statement.tokens) {
    if (token.kind !== "word" && token.kind !== "quoted") continue;
    const renamed = renames.get(identifierOf(token));
    if (renamed === undefined) continue;
    text += statement.text.slice(position, token.start) + renamed;
    position = token.end;
  }
  return text + statement.text.slice(position);
}

function withDefinitions(
  relations: readonly (readonly [name: string, sql: string])[],
  sql: string,
  label: string,
  included: (query: Statement, defined: ReadonlyMap<string, Statement>) => ReadonlySet<string>,
): string {
  const defined = new Map<string, Statement>();
  for (const [name, definition] of relations) {
    assertStageName(name);
    if (defined.has(name)) throw new Error(`relation ${name} is defined twice`);
    defined.set(name, statementOf(definition, `relation ${name}`));
  }
  const query = statementOf(sql, label);
  const own = ownCommonTableExpressions(query);
  for (const name of own.names)
    if (defined.has(name))
      throw new Error(
        `${label}'s own WITH defines ${name}, which is also a stage; rename it so that it does not shadow the stage`,
      );
  const names = included(query, defined);
  const definitions = [...defined]
    .filter(([name]) => names.has(name))
    .map(([name, definition]) => `${name} AS (\n${definition.text}\n)`);
  if (definitions.length === 0) return query.text;
  const rest = own.bodyStart === undefined ? `\n${query.text}` : `,\n${query.text.slice(own.bodyStart)}`;
  return `WITH\n${definitions.join(",\n")}${rest}`;
}

interface Token {
  readonly kind: "word" | "quoted" | "string" | "comment" | "symbol";
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

/** One SQL statement without comments or trailing semicolons, its tokens, and the identifiers it mentions. */
interface Statement {
  readonly text: string;
  readonly tokens: readonly Token[];
  readonly references: ReadonlySet<string>;
}

function statementOf(sql: string, label: string): Statement {
  const code = tokenize(sql, label).filter((token) => token.kind !== "comment");
  while (code.at(-1)?.text === ";") code.pop();
  if (code.length === 0) throw new Error(`${label} is empty`);
  if (code.some((token) => token.text === ";"))
    throw new Error(`${label} holds more than one statement; give it exactly one SELECT`);
  let text = "";
  for (const [i, token] of code.entries()) {
    const previous = code[i - 1];
    const gap = previous ? sql.slice(previous.end, token.start) : "";
    text += gap.trim() === "" ? gap : gap.includes("\n") ? "\n" : " ";
    text += token.text;
  }
  const tokens = tokenize(text, label);
  const references = new Set(
    tokens.filter((t) => t.kind === "word" || t.kind === "quoted").map((t) => identifierOf(t)),
  );
  return { text, tokens, references };
}

function identifierOf(token: Token): string {
  return token.kind === "quoted"
    ? token.text.slice(1, -1).replaceAll('""', '"').toLowerCase()
    : token.text.toLowerCase();
}

/** The names a query's leading `WITH` defines, and where its first definition starts (undefined without one). */
function ownCommonTableExpressions(query: Statement): { names: string[]; bodyStart: number | undefined } {
  const tokens = query.tokens;
  const isWord = (i: number, word: string) =>
    tokens[i]?.kind === "word" && tokens[i]?.text.toLowerCase() === word;
  if (!isWord(0, "with")) return { names: [], bodyStart: undefined };
  if (isWord(1, "recursive")) throw new Error("a query with WITH RECURSIVE cannot be merged with stages");
  const unreadable = () => new Error(`cannot read the query's WITH clause near "${query.text.slice(0, 80)}"`);
  const names: string[] = [];
  let i = 1;
  for (;;) {
    const name = tokens[i];
    if (!name || (name.kind !== "word" && name.kind !== "quoted")) throw unreadable();
    names.push(identifierOf(name));
    i++;
    if (tokens[i]?.text === "(") i = afterClosingParenthesis(tokens, i, unreadable);
    if (!isWord(i, "as") || tokens[i + 1]?.text !== "(") throw unreadable();
    i = afterClosingParenthesis(tokens, i + 1, unreadable);
    if (tokens[i]?.text !== ",") break;
    i++;
  }
  return { names, bodyStart: tokens[1]?.start };
}

function afterClosingParenthesis(tokens: readonly Token[], open: number, unreadable: () => Error): number {
  let depth = 0;
  for (let i = open; i < tokens.length; i++) {
    if (tokens[i]?.text === "(") depth++;
    else if (tokens[i]?.text === ")" && --depth === 0) return i + 1;
  }
  throw unreadable();
}

const LEXEMES: readonly [Token["kind"], RegExp][] = [
  ["comment", /--[^\n]*|\/\*[\s\S]*?\*\//y],
  ["string", /'(?:[^']|'')*'/y],
  ["quoted", /"(?:[^"]|"")*"/y],
  ["word", /[A-Za-z_][A-Za-z0-9_$]*/y],
  ["symbol", /[0-9][0-9A-Za-z_.]*|[^\sA-Za-z_]/y],
];

function tokenize(sql: string, label: string): Token[] {
  const tokens: Token[] = [];
  let position = 0;
  for (;;) {
    while (/\s/.test(sql.charAt(position))) position++;
    if (position >= sql.length) return tokens;
    let token: Token | undefined;
    for (const [kind, pattern] of LEXEMES) {
      pattern.lastIndex = position;
      const match = pattern.exec(sql);
      if (match) {
        token = { kind, text: match[0], start: position, end: position + match[0].length };
        break;
      }
    }
    if (!token || (token.kind === "symbol" && /^['"]|^\/\*/.test(sql.slice(position))))
      throw new Error(`${label} has an unterminated string, quoted name or comment`);
    tokens.push(token);
    position = token.end;
  }
}
