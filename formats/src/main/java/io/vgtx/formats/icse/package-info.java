/**
 * INTERPOL ICSE export: CSV separated by {@code ;} with the header {@code MD5;SHA1;PhotoDNA;Image ID;Is
 * distributed;Victim identified;Offender identified;Series name;Number of submissions;File Available;Media
 * Type;Baseline}. Header names are matched ignoring case and columns may come in any order.
 *
 * <p><b>Reading.</b> One row gives one entry per hash it has (MD5, SHA1, PhotoDNA in hex or base64), sharing:
 * {@code Series name} → series; {@code Victim identified} → the flag; {@code Baseline} →
 * {@code Grade("INTERPOL_BASELINE", "true"|"false")}; every other column, known or not → metadata
 * {@code icse:<Column>} as written. Flags accept {@code Yes/No}, {@code Y/N}, {@code true/false}, {@code 1/0}.
 * A row without a hash is skipped and counted.
 *
 * <p><b>Category.</b> Baseline marks material agreed to be illegal in every member country, but it carries no
 * severity, and our scale (A, B, C as in the UK) has no value for "illegal, severity not graded"; and not
 * being on the baseline says nothing about national law. So an ICSE import sets no category (the bank's
 * default applies) and keeps the Baseline answer as a grade, for a crosswalk to use when the scale has that
 * value.
 *
 * <p><b>Writing.</b> The header above, one row per group of consecutive entries with the same
 * {@code icse:Image ID}, or without one the same label (see {@link io.vgtx.formats.support.EntryGroups}), flags
 * as {@code Yes}/{@code No},
 * PhotoDNA in base64. SHA256 and PDQ have no column, and retracted entries would read as active: both are left
 * out and counted. Not carried: quality, category, first-seen, distribution, label, state, other grades.
 */
package io.vgtx.formats.icse;
