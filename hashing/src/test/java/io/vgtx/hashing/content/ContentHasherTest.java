package io.vgtx.hashing.content;

import io.vgtx.hashing.digest.DigestCalculator;
import io.vgtx.hashing.image.ImageDecoders;
import io.vgtx.hashing.pdq.Dihedral;
import io.vgtx.hashing.pdq.PdqHash;
import io.vgtx.hashing.pdq.ReferenceData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class ContentHasherTest {
    private final ContentHasher canonical = new ContentHasher(ImageDecoders.detect(), HashOptions.canonical());

    @Test
    void hashesAFileReadOnceIntoDigestsAndPdq() throws Exception {
        ReferenceData.Row bridge = ReferenceData.row("images/bridge-mods/aaa-orig.jpg");
        HashOutcome outcome = canonical.hashFile(bridge.path(), "bridge.jpg");
        assertThat(outcome).isInstanceOf(HashOutcome.Hashed.class);
        HashOutcome.Hashed hashed = (HashOutcome.Hashed) outcome;
        byte[] bytes = Files.readAllBytes(bridge.path());
        assertThat(hashed.path()).isEqualTo("bridge.jpg");
        assertThat(hashed.size()).isEqualTo(bytes.length);
        assertThat(hashed.digest()).isEqualTo(DigestCalculator.of(bytes));
        assertThat(hashed.pdq().hash().toHex()).isEqualTo(bridge.pdqHex());
        assertThat(hashed.width()).isEqualTo(1600);
        assertThat(hashed.height()).isEqualTo(1004);
    }

    @Test
    void dihedralOptionAddsTheSevenOtherVariants() {
        ContentHasher hasher = new ContentHasher(ImageDecoders.detect(), HashOptions.canonical().withDihedral(true));
        HashOutcome.Hashed hashed = (HashOutcome.Hashed) hasher.hashFile(ReferenceData.row("images/bridge-mods/aaa-orig.jpg").path(), "x");
        assertThat(hashed.pdq().dihedral()).containsOnlyKeys(Dihedral.values());
    }

    @Test
    void emptyFileIsAnErrorWithDigests(@TempDir Path dir) throws Exception {
        Path empty = Files.createFile(dir.resolve("empty.jpg"));
        HashOutcome outcome = canonical.hashFile(empty, "empty.jpg");
        assertThat(outcome).isInstanceOfSatisfying(HashOutcome.Failed.class, failed -> {
            assertThat(failed.reason()).isEqualTo("empty file");
            assertThat(failed.size()).isZero();
        });
    }

    @Test
    void missingFileIsAnErrorWithoutDigests(@TempDir Path dir) {
        HashOutcome outcome = canonical.hashFile(dir.resolve("nope.png"), "nope.png");
        assertThat(outcome).isInstanceOfSatisfying(HashOutcome.Failed.class, failed -> {
            assertThat(failed.reason()).isEqualTo("no such file");
            assertThat(failed.digests()).isEmpty();
            assertThat(failed.size()).isEqualTo(-1);
        });
    }

    @Test
    void nonImageBytesStillGetDigestsAndAReason() throws Exception {
        byte[] text = "not an image at all\n".getBytes();
        HashOutcome outcome = canonical.hashStream("notes.jpg", new ByteArrayInputStream(text));
        assertThat(outcome).isInstanceOfSatisfying(HashOutcome.Failed.class, failed -> {
            assertThat(failed.digests()).contains(DigestCalculator.of(text));
            assertThat(failed.reason()).isNotBlank().doesNotContain("\n");
        });
    }

    @Test
    void filesOverTheByteLimitAreDigestedButNotDecoded() throws Exception {
        HashOptions small = new HashOptions(false, false, HashOptions.canonical().decode(), 1000);
        byte[] bytes = Files.readAllBytes(ReferenceData.row("images/bridge-mods/aaa-orig.jpg").path());
        HashOutcome outcome = new ContentHasher(ImageDecoders.detect(), small).hashStream("big.jpg", new ByteArrayInputStream(bytes));
        assertThat(outcome).isInstanceOfSatisfying(HashOutcome.Failed.class, failed -> {
            assertThat(failed.reason()).contains("over the 1000-byte limit");
            assertThat(failed.digests()).contains(DigestCalculator.of(bytes));
            assertThat(failed.size()).isEqualTo(bytes.length);
        });
    }

    @Test
    void fastModeOnLargePngsEqualsTheReferenceCliWithItsNearestNeighbourResize() {
        ContentHasher fast = new ContentHasher(ImageDecoders.detect(), HashOptions.canonical().withFast(true));
        for (String file : new String[]{"images/misc-images/c.png", "images/reg-test-input/pen-and-coaster.png"}) {
            ReferenceData.Row row = ReferenceData.row(file);
            HashOutcome.Hashed hashed = (HashOutcome.Hashed) fast.hashFile(row.path(), file);
            assertThat(hashed.pdq().hash().toHex()).as(file).isEqualTo(row.cli512Hex());
            assertThat(hashed.width()).as("reports the original size").isEqualTo(row.width());
        }
    }

    @Test
    void fastModeStaysCloseToCanonicalOnGoodQualityImages() {
        ContentHasher fast = new ContentHasher(ImageDecoders.detect(), HashOptions.canonical().withFast(true));
        for (ReferenceData.Row row : ReferenceData.rows()) {
            if (row.quality() < 80 || row.width() < 5 || row.height() < 5) continue;
            HashOutcome.Hashed hashed = (HashOutcome.Hashed) fast.hashFile(row.path(), row.file());
            // Measured: median 6, max 18 bits over the corpus (README); well inside the match threshold of 31.
            assertThat(hashed.pdq().hash().distance(PdqHash.fromHex(row.pdqHex()))).as(row.file()).isLessThanOrEqualTo(20);
        }
    }

    @Test
    void applyExifTurnsAnOrientationSixImageUprightToTheOriginalsHash() {
        HashOptions upright = HashOptions.canonical().withDecode(HashOptions.canonical().decode().withExifOrientation(true));
        HashOutcome.Hashed hashed = (HashOutcome.Hashed) new ContentHasher(ImageDecoders.detect(), upright)
                .hashFile(ReferenceData.row("generated/bridge-exif-orientation-6.jpg").path(), "x");
        assertThat(hashed.pdq().hash().toHex()).isEqualTo(ReferenceData.row("images/bridge-mods/aaa-orig.jpg").pdqHex());
        assertThat(Arrays.asList(hashed.width(), hashed.height())).containsExactly(1600, 1004);
    }
}
