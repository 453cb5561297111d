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
}
