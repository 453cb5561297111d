package io.vgtx.cli.scan;

/** Counts for the line printed when a scan ends. */
final class ScanSummary {
    private long scanned;
    private long matchedItems;
    private long matches;
    private long errors;
    private long lowQuality;

    void add(ScanResult result) {
        scanned++;
        if (result.found()) matchedItems++;
        matches += result.matches().map(m -> m.matches().size()).orElse(0);
        if (result.matches().map(m -> m.lowQualityPdq()).orElse(false)) lowQuality++;
        if (result.error().isPresent()) errors++;
    }

    long matchedItems() {
        return matchedItems;
    }

    long errors() {
        return errors;
    }

    String describe() {
        return String.format("scanned %d file%s: %d with matches (%d match%s), %d could not be hashed, %d too flat for PDQ (quality < 50)",
                scanned, scanned == 1 ? "" : "s", matchedItems, matches, matches == 1 ? "" : "es", errors, lowQuality);
    }
}
