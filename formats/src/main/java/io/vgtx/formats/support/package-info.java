/**
 * What the formats share: UTF-8 text without a BOM, streams the caller keeps open, field parsing that turns
 * a bad value into a {@link io.vgtx.formats.FormatException} naming the field, the record-at-a-time reader
 * base, RFC 4180 rows with physical line numbers, our flat entry columns (CSV and JSON Lines), and the
 * grouping of consecutive entries back into one source record (VICS Media, ICSE row).
 */
package io.vgtx.formats.support;
