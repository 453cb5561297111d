package io.vgtx.core.sharing;

import io.vgtx.core.bank.VictimIdentification;

import java.util.Objects;
import java.util.Optional;

/**
 * A hit/no-hit answer: an organisation holds a matching entry the asker may not see. Contact it; it has been told.
 *
 * @param victimIdentified whether a matching entry of that organisation says its victim is identified (its series is
 *                         marked, or the entry itself says so): safe to tell anyone, and what spares a needless hunt
 * @param identification   who identified the victim and when, when a series mark says so; never the series' name
 */
public record Hit(String organisation, Optional<String> contact, boolean victimIdentified, Optional<VictimIdentification> identification) {
    public Hit {
        Objects.requireNonNull(organisation, "organisation");
        Objects.requireNonNull(contact, "contact");
        Objects.requireNonNull(identification, "identification");
        if (identification.isPresent()) victimIdentified = true;
    }

    public Hit(String organisation, Optional<String> contact) {
        this(organisation, contact, false, Optional.empty());
    }

    /** One answer for two matches of the same organisation: identified if either is, the earliest identification wins. */
    public static Hit merge(Hit a, Hit b) {
        Optional<VictimIdentification> earliest = a.identification().isEmpty() ? b.identification()
                : b.identification().isEmpty() || !b.identification().get().on().isBefore(a.identification().get().on())
                ? a.identification() : b.identification();
        return new Hit(a.organisation(), a.contact(), a.victimIdentified() || b.victimIdentified(), earliest);
    }
}
