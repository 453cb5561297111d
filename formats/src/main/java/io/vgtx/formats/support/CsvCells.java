package io.vgtx.formats.support;

/**
 * Text cells of every CSV the project writes, made safe to open in a spreadsheet (OWASP's CSV injection rule): a cell
 * that starts with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a CR would be read as a formula, so it is written
 * with a {@code '} in front. Only text is treated so — labels, series, paths, names, metadata; a hash (hex), a count or a
 * time never starts with one of these, and is written as it is.
 * <p>
 * To keep export then import the identity for our own formats, the rule must be undone without guessing: a cell is
 * prefixed when it starts with any number of {@code '} and then a trigger ({@code =x}, {@code '=x}, {@code ''-x}), and
 * {@link #restore} removes one {@code '} from a cell of exactly that shape. A cell that begins with {@code '} but no
 * trigger after the apostrophes ({@code 'quoted'}) is never prefixed, so is read back as it is.
 */
public final class CsvCells {
    private CsvCells() {}

    /** {@code text} as a CSV cell that a spreadsheet shows as text. */
    public static String neutralise(String text) {
        return startsWithTrigger(text, 0) ? "'" + text : text;
    }

    /** The text {@link #neutralise} was given, from the cell it wrote (and any other cell as it is). */
    public static String restore(String cell) {
        return cell.length() > 1 && cell.charAt(0) == '\'' && startsWithTrigger(cell, 1) ? cell.substring(1) : cell;
    }

    /** Whether {@code text} from {@code from} on is zero or more apostrophes and then a trigger. */
    private static boolean startsWithTrigger(String text, int from) {
        int i = from;
        while (i < text.length() && text.charAt(i) == '\'') i++;
        if (i == text.length()) return false;
        return switch (text.charAt(i)) {
            case '=', '+', '-', '@', '\t', '\r' -> true;
            default -> false;
        };
    }
}
