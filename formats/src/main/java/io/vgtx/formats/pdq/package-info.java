/**
 * PDQ hash lists as partners exchange them (FORMATS.md): one 64-hex-digit hash per line, optionally
 * {@code hash,quality}, or {@code hash,quality,filename} as Meta's reference tools print. Blank lines and
 * {@code #} comments are ignored, upper-case hex is accepted and lower-case written.
 *
 * <p>Carried: the PDQ value and quality; on reading, the filename becomes the label. The writer writes
 * {@code hash,quality} (or just the hash when the quality is unknown) and no label, so an exported list does
 * not leak file names. Every other hash type, and retracted entries, are left out and counted in
 * {@code skipped()}.
 */
package io.vgtx.formats.pdq;
