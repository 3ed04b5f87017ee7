/**
 * The vocabulary of one catalogue section. Templates use slots filled per article:
 * {topic} and {other} (two distinct topics), {group} (who the piece is for), {n} (a small number),
 * {year} (the publication year). Topics are noun phrases written to read well mid-sentence,
 * so templates never make a verb agree with them.
 */
export interface Section {
  /** URL path segment, e.g. `software`. */
  readonly slug: string;
  /** Publication subdomains; an article's URL is `https://<publication>.example/<slug>/<title-slug>`. */
  readonly publications: readonly string[];
  readonly topics: readonly string[];
  readonly groups: readonly string[];
  readonly titles: readonly string[];
  readonly subheads: readonly string[];
  /** Topic-specific sentences; bodies mix them with the shared ones in `commonText.ts`. */
  readonly sentences: readonly string[];
}
