package io.vgtx.core.names;

import com.ibm.icu.text.Normalizer2;
import com.ibm.icu.text.SpoofChecker;

import java.util.regex.Pattern;

/**
 * What a name looks like, for telling impostors apart: two names with one skeleton would pass for each other on a
 * screen ({@code Οp Police} with a Greek Ο, {@code op  police }, {@code NL\u200bPolice}). The node keeps names
 * whose skeletons collide apart by refusing the second: organisation names node-wide, bank names within their
 * organisation, console logins node-wide.
 *
 * <p>The steps: NFKC with case folding and the default-ignorable code points (zero-width and format characters)
 * removed (Unicode's NFKC_Casefold), white space of any kind collapsed to one space and trimmed, then the UTS #39
 * confusable skeleton ({@link SpoofChecker#getSkeleton}), which maps each character to the prototype it is
 * confusable with. Which characters a name may hold at all is another rule's (control and format characters are
 * refused where text is taken); this one only compares.
 */
public final class Skeleton {
    private static final Normalizer2 NFKC_CASEFOLD = Normalizer2.getNFKCCasefoldInstance();
    private static final Pattern WHITE_SPACE = Pattern.compile("\\s+", Pattern.UNICODE_CHARACTER_CLASS);
    /** Thread-safe once built: getSkeleton reads only the confusables data. */
    private static final SpoofChecker CHECKER = new SpoofChecker.Builder().build();

    private Skeleton() {}

    /** The skeleton of {@code name}: equal for names that look alike, different (as far as UTS #39 knows) otherwise. */
    public static String of(String name) {
        String folded = NFKC_CASEFOLD.normalize(name);
        String collapsed = WHITE_SPACE.matcher(folded).replaceAll(" ").strip();
        return CHECKER.getSkeleton(collapsed);
    }
}
