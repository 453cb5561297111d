package io.vgtx.core.policy;

import io.vgtx.core.auth.Principal;
import io.vgtx.core.bank.Bank;
import io.vgtx.core.bank.Distribution;
import io.vgtx.core.bank.EntryData;
import io.vgtx.core.org.MembershipState;

import java.util.Set;

/**
 * Who may see an entry, after the traffic-light protocol. Pure functions: the caller supplies the
 * viewer, the owner and the RED recipients, so the rule can be tested exhaustively and used by every
 * read path (listing, export, feed, match) alike.
 *
 * <ul>
 *   <li>Only an ACTIVE organisation sees anything, its own entries included.</li>
 *   <li>The owner (the bank's owning organisation) always sees its own entries.</li>
 *   <li>GREEN: every active organisation.</li>
 *   <li>AMBER: active law-enforcement organisations only.</li>
 *   <li>RED: the owner and the organisations the bank names as recipients only.</li>
 * </ul>
 *
 * <p>The entry's state does not matter: a RETRACTED entry is visible, as a retraction, to exactly
 * those who could see it while it was active, so every copy they hold can be withdrawn, and no one
 * else learns it ever existed.
 */
public final class Visibility {
    private Visibility() {}

    /**
     * @param ownerName     the owning organisation's name ({@link Bank#owner()})
     * @param redRecipients ids of the organisations a RED bank names; ignored for GREEN and AMBER
     */
    public static boolean canSee(Viewer viewer, String ownerName, Distribution distribution, Set<Long> redRecipients) {
        if (viewer.state() != MembershipState.ACTIVE) return false;
        if (viewer.name().equals(ownerName)) return true;
        return switch (distribution) {
            case GREEN -> true;
            case AMBER -> viewer.kind().isLawEnforcement();
            case RED -> redRecipients.contains(viewer.organisationId());
        };
    }

    public static boolean canSee(Principal principal, String ownerName, Distribution distribution, Set<Long> redRecipients) {
        return canSee(Viewer.of(principal), ownerName, distribution, redRecipients);
    }

    /**
     * For a stored entry of {@code bank}: its own distribution, or the bank's default when it has none.
     *
     * @param bankRecipients the bank's RED recipients ({@link BankRecipients#recipients})
     */
    public static boolean canSee(Viewer viewer, Bank bank, EntryData entry, Set<Long> bankRecipients) {
        return canSee(viewer, bank.owner(), entry.distribution().orElse(bank.defaultDistribution()), bankRecipients);
    }
}
