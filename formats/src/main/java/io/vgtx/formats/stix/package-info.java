/**
 * STIX 2.1 bundles of indicators, for threat-intelligence tools (MISP, OpenCTI, TAXII clients).
 *
 * <p><b>Writing.</b> A {@code bundle} holding, first, an {@code identity} for the producing organisation and the
 * standard TLP {@code marking-definition}s for GREEN, AMBER and RED (STIX 2.1 §7.2.1.4), then one
 * {@code indicator} per entry:
 * <ul>
 *   <li>{@code pattern_type: "stix"}, {@code pattern: "[file:hashes.'SHA-256' = '…']"} ({@code 'MD5'},
 *       {@code 'SHA-1'}; {@code 'PDQ'} and {@code 'PhotoDNA'} as custom hash names — see {@link io.vgtx.formats.stix.StixPatterns});</li>
 *   <li>{@code created_by_ref} the identity; {@code object_marking_refs} the TLP marking of the distribution;</li>
 *   <li>{@code valid_from} the first-seen time, or the export time when unknown (the property is required);
 *       {@code created} the first-seen time too (so re-exports keep it), {@code modified} the export time;</li>
 *   <li>{@code name} the label; {@code revoked: true} for a retracted entry;</li>
 *   <li>custom properties {@code x_vgtx_category}, {@code x_vgtx_series}, {@code x_vgtx_victim_identified},
 *       {@code x_vgtx_quality}, {@code x_vgtx_grades} ({@code [{scheme, grade, graded_by, graded_at}]}) and
 *       {@code x_vgtx_metadata} (an object of strings).</li>
 * </ul>
 * Ids are UUIDv5 ({@link io.vgtx.formats.stix.StixIds}): the indicator's from its organisation, bank, type and
 * value, so exporting again gives the same ids (a changed entry is a new version of the same object).
 *
 * <p><b>Reading.</b> Indicators with a STIX pattern of file-hash comparisons joined by {@code OR} give one entry
 * per comparison, with the fields above read back (TLP:WHITE reads as GREEN, our widest circle; with several
 * markings the most restrictive wins). Identities and marking definitions are the envelope and are passed
 * over silently; every other object type, indicators of another pattern type or shape, and hash algorithms we
 * do not have are skipped and counted. Errors name {@code object #N (id …) at line L}.
 *
 * <p>Carried both ways: every entry field, except that an unknown first-seen comes back as the export time.
 */
package io.vgtx.formats.stix;
