package io.vgtx.formats.support;

import io.vgtx.core.bank.Category;
import io.vgtx.core.bank.Distribution;
import io.vgtx.core.bank.EntryData;
import io.vgtx.core.bank.EntryState;
import io.vgtx.core.signal.SignalType;
import io.vgtx.core.signal.SignalTypes;
import io.vgtx.formats.FormatException;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Our flat entry: the columns of our CSV and the fields of our JSON Lines, named as FORMATS.md lists them.
 * One place parses and prints them, so both formats read and write the same text.
 */
public enum EntryColumn {
    TYPE, VALUE, QUALITY, CATEGORY, SERIES, VICTIM_IDENTIFIED, DISTRIBUTION, LABEL, FIRST_SEEN;

    /** The column or field name: {@code type}, {@code victim_identified} … */
    public String header() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Every column's name, in the order our CSV writes them. */
    public static List<String> headers() {
        return Arrays.stream(values()).map(EntryColumn::header).toList();
    }

    public static Optional<EntryColumn> byHeader(String header) {
        for (EntryColumn column : values()) if (column.header().equals(header.strip().toLowerCase(Locale.ROOT))) return Optional.of(column);
        return Optional.empty();
    }

    /** Free text (a series, a label), as opposed to a hash, a number, a time or a name from a fixed list. */
    public boolean isText() {
        return this == SERIES || this == LABEL;
    }

    /** This column's text for an entry; empty when the entry does not say (the victim flag always says). */
    public Optional<String> text(EntryData entry) {
        return switch (this) {
            case TYPE -> Optional.of(entry.type().name());
            case VALUE -> Optional.of(entry.value());
            case QUALITY -> entry.quality().map(String::valueOf);
            case CATEGORY -> entry.category().map(Category::name);
            case SERIES -> entry.series();
            case VICTIM_IDENTIFIED -> Optional.of(String.valueOf(entry.victimIdentified()));
            case DISTRIBUTION -> entry.distribution().map(Distribution::name);
            case LABEL -> entry.label();
            case FIRST_SEEN -> entry.firstSeen().map(Object::toString);
        };
    }

    /** Where a parse finds a column's raw text (null or blank when absent). */
    @FunctionalInterface
    public interface Cells {
        String get(EntryColumn column);
    }

    /** An active entry from the columns' texts; a bad value fails naming its column. */
    public static EntryData parse(Cells cells, String location) throws FormatException {
        String typeName = required(cells, TYPE, location);
        SignalType type = Values.field(location, TYPE.header(), () -> SignalTypes.byName(typeName));
        String rawValue = required(cells, VALUE, location);
        String value = Values.field(location, VALUE.header(), () -> type.normalize(rawValue));
        return new EntryData(type, value,
                optional(cells, QUALITY, location, Values::quality),
                optional(cells, CATEGORY, location, Category::parse),
                optional(cells, SERIES, location, Function.identity()),
                optional(cells, VICTIM_IDENTIFIED, location, Values::bool).orElse(false),
                optional(cells, FIRST_SEEN, location, Values::instant),
                optional(cells, DISTRIBUTION, location, Distribution::parse),
                optional(cells, LABEL, location, Function.identity()),
                List.of(), Map.of(), EntryState.ACTIVE);
    }

    private static <T> Optional<T> optional(Cells cells, EntryColumn column, String location, Function<String, T> parse) throws FormatException {
        return Values.optional(location, column.header(), cells.get(column), parse);
    }

    private static String required(Cells cells, EntryColumn column, String location) throws FormatException {
        return Values.present(cells.get(column)).orElseThrow(() -> new FormatException(location, column.header() + ": missing"));
    }
}
