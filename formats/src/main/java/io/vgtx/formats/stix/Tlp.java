package io.vgtx.formats.stix;

import io.vgtx.core.bank.Distribution;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The TLP 1.0 marking definitions STIX 2.1 §7.2.1.4 fixes, with their standard ids, and our distribution for each. */
enum Tlp {
    /** Read only: public information goes to our widest circle. */
    WHITE("613f2e26-407d-48c7-9eca-b8e91df99dc9", Distribution.GREEN),
    GREEN("34098fce-860f-48ae-8e50-ebd3cc5e41da", Distribution.GREEN),
    AMBER("f88d31f6-486f-44da-b317-01333bde0b82", Distribution.AMBER),
    RED("5e57c739-391a-4eb3-b6be-7d15ca92d5ed", Distribution.RED);

    /** The markings a bundle of ours defines: one per distribution. */
    static final List<Tlp> WRITTEN = List.of(GREEN, AMBER, RED);
    /** The date the specification gives every TLP marking definition. */
    private static final String CREATED = "2017-01-20T00:00:00.000Z";

    private final String uuid;
    private final Distribution distribution;

    Tlp(String uuid, Distribution distribution) {
        this.uuid = uuid;
        this.distribution = distribution;
    }

    String id() {
        return "marking-definition--" + uuid;
    }

    static Tlp of(Distribution distribution) {
        return switch (distribution) {
            case GREEN -> GREEN;
            case AMBER -> AMBER;
            case RED -> RED;
        };
    }

    static Optional<Distribution> distribution(String markingId) {
        for (Tlp tlp : values()) if (tlp.id().equals(markingId)) return Optional.of(tlp.distribution);
        return Optional.empty();
    }

    StixObjects.MarkingDefinition definition() {
        String color = name().toLowerCase(Locale.ROOT);
        return new StixObjects.MarkingDefinition("marking-definition", "2.1", id(), CREATED, "tlp", "TLP:" + name(), Map.of("tlp", color));
    }
}
