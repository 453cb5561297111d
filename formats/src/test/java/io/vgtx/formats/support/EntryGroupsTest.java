package io.vgtx.formats.support;

import io.vgtx.core.bank.Entry;
import io.vgtx.core.bank.EntryData;
import io.vgtx.core.signal.DigestSignal;
import io.vgtx.core.signal.PdqSignal;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.vgtx.formats.Samples.MD5;
import static io.vgtx.formats.Samples.MD5_2;
import static io.vgtx.formats.Samples.PDQ;
import static io.vgtx.formats.Samples.SHA1;
import static org.assertj.core.api.Assertions.assertThat;

class EntryGroupsTest {
    private static final EntryData MD5_ENTRY = EntryData.of(DigestSignal.MD5, MD5);
    private static final EntryData SHA1_ENTRY = EntryData.of(DigestSignal.SHA1, SHA1);

    @Test
    void groupsNeighboursWithTheSameIdOrElseTheSameLabel() {
        assertThat(groups(
                entry(MD5_ENTRY.withMetadata(Map.of("id", "1")).withLabel("a")), entry(SHA1_ENTRY.withMetadata(Map.of("id", "1")).withLabel("b")),
                entry(MD5_ENTRY.withLabel("c")), entry(EntryData.of(PdqSignal.PDQ, PDQ).withLabel("c"))))
                .containsExactly(List.of(MD5, SHA1), List.of(MD5, PDQ));
    }

    @Test
    void startsANewGroupOnARepeatedTypeAnotherBankOrNoKey() {
        assertThat(groups(
                entry(MD5_ENTRY.withLabel("a")), entry(EntryData.of(DigestSignal.MD5, MD5_2).withLabel("a")),
                new Entry(2, 99, "other", "Org", SHA1_ENTRY.withLabel("a"), 2),
                entry(MD5_ENTRY), entry(SHA1_ENTRY)))
                .containsExactly(List.of(MD5), List.of(MD5_2), List.of(SHA1), List.of(MD5), List.of(SHA1));
    }

    private static Entry entry(EntryData data) {
        return new Entry(1, 7, "bank", "Org", data, 1);
    }

    /** The values of each group, in order. */
    private static List<List<String>> groups(Entry... entries) {
        EntryGroups groups = new EntryGroups("id");
        List<List<String>> values = new ArrayList<>();
        for (Entry entry : entries) groups.add(entry).ifPresent(group -> values.add(values(group)));
        groups.finish().ifPresent(group -> values.add(values(group)));
        return values;
    }

    private static List<String> values(List<Entry> group) {
        return group.stream().map(e -> e.data().value()).toList();
    }
}
