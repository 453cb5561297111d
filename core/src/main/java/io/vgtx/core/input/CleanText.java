package io.vgtx.core.input;

import java.text.Normalizer;

/**
 * The character rules for every text a client gives the node — names, logins, labels, series, notes, reasons — on every
 * path (API, import formats, CLI), applied by the service that accepts it. A text is NFC-normalised (so that {@code é} typed
 * as one character or as {@code e} and a combining accent is one name, not two) and refused when it holds:
 * <ul>
 *   <li>a control character (Unicode Cc: NUL, ESC, CR, LF, DEL …) — except CR, LF and TAB in {@linkplain #multiline
 *       multi-line} free text such as a dispute reason or a report's note;</li>
 *   <li>a format character (Cf: the bidi overrides and isolates U+202A–202E and U+2066–2069 that make {@code gpj.exe}
 *       read as {@code exe.jpg}, the zero-width U+200B–200D and U+2060, the BOM U+FEFF, soft hyphen, tags), which
 *       make two different names look alike or one name look like another;</li>
 *   <li>a line or paragraph separator (U+2028, U+2029), which some viewers break lines on;</li>
 *   <li>a lone surrogate, which is no character at all (and is not valid UTF-8).</li>
 * </ul>
 * Lengths are counted in code points after normalisation. Each method returns the normalised text or throws an
 * {@link IllegalArgumentException} whose message starts with the field's name ({@code label must not hold …}); the API
 * turns it into a 400, an import into {@code line 3: label must not hold …}. Confusable names (a Greek Ο for a Latin O) are another rule, for names
 * that must be unique; it builds on the text this class returns.
 */
public final class CleanText {
    private CleanText() {}

    /** A single-line text (a label, a title, a series): NFC, no control or format characters, at most {@code maxLength}. */
    public static String line(String field, String text, int maxLength) {
        return clean(field, text, maxLength, false);
    }

    /** Free text that may run over lines (a note, a reason): as {@link #line}, but CR, LF and TAB are allowed. */
    public static String multiline(String field, String text, int maxLength) {
        return clean(field, text, maxLength, true);
    }

    /**
     * A name that must be there (an organisation, a bank, a login): stripped of surrounding white space, not blank, and a
     * clean {@linkplain #line line} of at most {@code maxLength}.
     */
    public static String name(String field, String text, int maxLength) {
        if (text == null || text.isBlank()) throw new IllegalArgumentException(field + " must not be blank");
        return line(field, text.strip(), maxLength);
    }

    private static String clean(String field, String text, int maxLength, boolean multiline) {
        if (text == null) throw new IllegalArgumentException(field + " is required");
        checkCharacters(field, text, multiline);
        String normalised = Normalizer.isNormalized(text, Normalizer.Form.NFC) ? text : Normalizer.normalize(text, Normalizer.Form.NFC);
        int length = normalised.codePointCount(0, normalised.length());
        if (length > maxLength) throw new IllegalArgumentException(field + " must be at most " + maxLength + " characters, not " + length);
        return normalised;
    }

    private static void checkCharacters(String field, String text, boolean multiline) {
        int position = 0;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            position++;
            String refused = refused(c, multiline);
            if (refused != null) {
                throw new IllegalArgumentException(field + " must not hold " + refused + " (" + String.format("U+%04X", c)
                        + " at character " + position + ")");
            }
            i += Character.charCount(c);
        }
    }

    /** Why {@code c} is refused, or null when it is allowed. */
    private static String refused(int c, boolean multiline) {
        if (Character.isSurrogate((char) c) && c <= 0xFFFF) return "a lone surrogate";
        return switch (Character.getType(c)) {
            case Character.CONTROL -> multiline && (c == '\n' || c == '\r' || c == '\t') ? null
                    : c == '\n' || c == '\r' || c == '\t' ? "a control character (a line break or tab: this field is one line)" : "a control character";
            case Character.FORMAT -> "an invisible format character (bidi control, zero-width character)";
            case Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR -> "a line or paragraph separator";
            default -> null;
        };
    }
}
