/**
 * Project VIC (VICS) JSON, as forensic triage tools exchange known media: 1.2/1.3
 * ({@code "odata.metadata"}) and 2.0 ({@code "@odata.context"}), either a media list or Cases with nested
 * Media. Implemented from the public field names only; Project VIC's schema file is not shipped.
 *
 * <p><b>Reading.</b> One Media gives one entry per hash: {@code MD5}, {@code SHA1}, {@code PhotoDNA}, then each
 * {@code AlternativeHashes} item whose {@code HashName} we know ({@code SHA256}/{@code SHA-256},
 * {@code PhotoDNA}, {@code PDQ}, …), duplicates dropped; hex is lower-cased, PhotoDNA stored as hex. Every
 * entry of a Media shares its Media fields:
 * <ul>
 *   <li>{@code Category} → our category by {@link io.vgtx.formats.vics.VicsCategory}, and always the original
 *       code as {@code Grade("VICS", code)};</li>
 *   <li>{@code Series} → series (a string, as given); {@code VictimIdentified} → the flag;
 *       {@code RelativeFilePath} → label;</li>
 *   <li>everything else — {@code MediaID}, the other flags, {@code Comments}, {@code Tags}, {@code MediaSize},
 *       {@code DateUpdated}, {@code MediaFiles}, {@code Exifs}, unknown fields, alternative hashes we do not
 *       know — → metadata {@code vics:<Field>} holding the value as JSON text; a Case's fields (those before its
 *       {@code Media} array) → {@code vics:Case.<Field>}.</li>
 * </ul>
 * Booleans written as {@code "true"}/{@code "false"} strings are accepted and stored as JSON booleans. A Media
 * without any hash is skipped and counted. Errors name {@code Media #N (MediaID x) at line L}.
 *
 * <p><b>Writing.</b> A 2.0 document: a media list, or Cases when the first entry carries case fields (in a
 * media list, case fields are not written). Consecutive entries of one bank with the same {@code vics:MediaID}
 * — or, without one, the same label, as the hashes of one file from {@code vgtx hash} have — become one Media
 * (see {@link io.vgtx.formats.support.EntryGroups}), so import then export restores each Media with every field
 * it had. A Media keeps its {@code MediaID}; a new one is numbered after the highest written so far. Hashes in
 * upper-case hex, PhotoDNA in base64, SHA256 and PDQ in {@code AlternativeHashes}, booleans as strings (what
 * the tools in use read). MD5 is the key of a Media, so a group without one is left out and counted, as are
 * retracted entries. Not carried: quality, first-seen, distribution, state, and grades other than the VICS one.
 */
package io.vgtx.formats.vics;
