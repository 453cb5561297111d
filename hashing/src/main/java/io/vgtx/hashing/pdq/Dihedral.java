package io.vgtx.hashing.pdq;

/**
 * The eight symmetries of a square, as PDQ derives them from one 16×16 DCT without re-hashing
 * (PDQ.md §1.10). Each variant optionally transposes the coefficients and negates those whose
 * frequency parity flips under the transform.
 */
public enum Dihedral {
    ORIG("orig", false, Negate.NONE),
    /** The image turned 90° counter-clockwise. */
    ROT90("rot90", true, Negate.V_EVEN),
    ROT180("rot180", false, Negate.SUM_ODD),
    /** The image turned 90° clockwise. */
    ROT270("rot270", true, Negate.U_EVEN),
    /** Upside-down (top ↔ bottom). */
    FLIPX("flipx", false, Negate.U_EVEN),
    /** Mirrored (left ↔ right). */
    FLIPY("flipy", false, Negate.V_EVEN),
    /** Transposed about the main diagonal. */
    FLIPP("flipp", true, Negate.NONE),
    /** Transposed about the anti-diagonal. */
    FLIPM("flipm", true, Negate.SUM_ODD);

    private enum Negate { NONE, U_EVEN, V_EVEN, SUM_ODD }

    private final String label;
    private final boolean transpose;
    private final Negate negate;

    Dihedral(String label, boolean transpose, Negate negate) {
        this.label = label;
        this.transpose = transpose;
        this.negate = negate;
    }

    /** The name the reference tools print ({@code orig}, {@code rot90}, …). */
    public String label() {
        return label;
    }

    public static Dihedral fromLabel(String label) {
        for (Dihedral d : values()) if (d.label.equals(label)) return d;
        throw new IllegalArgumentException("unknown transform '" + label + "'");
    }

    /** Applies this symmetry to a 16×16 coefficient block {@code a} (row u = vertical frequency). */
    float[] apply(float[] a) {
        float[] b = new float[a.length];
        for (int u = 0; u < 16; u++) {
            for (int v = 0; v < 16; v++) {
                float value = negated(u, v) ? -a[u * 16 + v] : a[u * 16 + v];
                b[transpose ? v * 16 + u : u * 16 + v] = value;
            }
        }
        return b;
    }

    private boolean negated(int u, int v) {
        return switch (negate) {
            case NONE -> false;
            case U_EVEN -> (u & 1) == 0;
            case V_EVEN -> (v & 1) == 0;
            case SUM_ODD -> ((u + v) & 1) == 1;
        };
    }
}
