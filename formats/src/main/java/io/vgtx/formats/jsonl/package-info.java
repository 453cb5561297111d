/**
 * JSON Lines, one object per line, in two shapes.
 *
 * <p><b>What {@code vgtx hash --json} prints</b> ({@code path, size, md5, sha1, sha256, pdq, quality, width,
 * height, low_quality, pdq_dihedral, error}). One line gives one entry per hash it has, in the order PDQ (with
 * {@code quality}), MD5, SHA1, SHA256, each labelled with {@code path}. Size, dimensions and the dihedral
 * variants are not imported (matching computes the variants itself). A line with {@code error} and no hash
 * (the file could not be read) is skipped and counted; one with digests but no PDQ (not an image) gives its
 * digests.
 *
 * <p><b>Our entry shape</b>, recognised by its {@code type} field and the one the writer writes:
 * {@code type, value, quality, category, series, victim_identified, distribution, label, first_seen} (as in
 * our CSV), plus {@code state} ({@code ACTIVE|RETRACTED}), {@code grades} ({@code [{scheme, grade, graded_by,
 * graded_at}]}) and {@code metadata} (an object of strings). It carries every field of an entry, so export then
 * import gives the same entries. Fields we do not know are ignored, so newer files still read.
 */
package io.vgtx.formats.jsonl;
