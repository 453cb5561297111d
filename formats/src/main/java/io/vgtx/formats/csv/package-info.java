/**
 * Our CSV (FORMATS.md): RFC 4180, a header row, columns in any order, header names case-insensitive.
 *
 * <p>Columns: {@code type} ({@code MD5|SHA1|SHA256|PDQ|PHOTODNA}) and {@code value} required; {@code quality},
 * {@code category}, {@code series}, {@code victim_identified}, {@code distribution}, {@code label},
 * {@code first_seen} (ISO 8601) optional, an empty cell meaning "not given". Cells are trimmed.
 *
 * <p>Carried both ways: every one of those nine fields. Not carried: grades, metadata and state — CSV is the
 * simple exchange of what FORMATS.md lists; our lossless format is JSON Lines. So the writer leaves out
 * retracted entries (counted in {@code skipped()}), which an importer would otherwise take as active.
 */
package io.vgtx.formats.csv;
