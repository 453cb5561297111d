package io.vgtx.bench.soak;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

import static org.assertj.core.api.Assertions.assertThat;

class SoakSamplesTest {
    /** 30 samples 10 s apart; the first 6 (one minute) are warm-up. */
    private static List<SoakSamples.Sample> run(IntFunction<Double> heap, IntFunction<Integer> fds) {
        List<SoakSamples.Sample> samples = new ArrayList<>();
        for (int i = 0; i < 30; i++) samples.add(new SoakSamples.Sample(i * 10, heap.apply(i), 500, 900 + i % 3, fds.apply(i), 40, 0));
        return samples;
    }

    private static SoakSamples.Trend trend(List<SoakSamples.Trend> trends, String measure) {
        return trends.stream().filter(t -> t.measure().startsWith(measure)).findFirst().orElseThrow();
    }

    @Test
    void aNodeThatOnlyWobblesIsFlatEvenWithAHighWarmUp() {
        List<SoakSamples.Trend> trends = SoakSamples.trends(run(i -> i < 6 ? 900.0 : 300.0 + (i % 4) * 20, i -> 60 + i % 4), 60);

        assertThat(trends).hasSize(4).allSatisfy(t -> assertThat(t.flat()).as(t.toString()).isTrue());
    }

    @Test
    void aHeapThatKeepsGrowingAfterGcIsGrowth() {
        List<SoakSamples.Trend> trends = SoakSamples.trends(run(i -> 300.0 + 15 * i, i -> 60), 60);

        assertThat(trend(trends, "heap").flat()).isFalse();
        assertThat(trend(trends, "heap").toString()).contains("GROWS");
        assertThat(trend(trends, "open fds").flat()).isTrue();
    }

    @Test
    void aFewMoreDescriptorsAreNotALeakButOneAMinuteIs() {
        assertThat(trend(SoakSamples.trends(run(i -> 300.0, i -> i < 18 ? 20 : 25), 60), "open fds").flat()).isTrue();
        assertThat(trend(SoakSamples.trends(run(i -> 300.0, i -> 20 + i), 60), "open fds").flat()).isFalse();
    }

    @Test
    void tooFewSamplesAfterWarmUpAreNotJudged() {
        assertThat(SoakSamples.trends(run(i -> 300.0, i -> 60), 260)).isEmpty();
    }

    @Test
    void samplesReadBackFromTheCsvAndDrawIntoAPanelPerMeasure(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("soak.csv");
        Files.writeString(csv, SoakSamples.HEADER + "\n0,812.5,1024,1400.2,57,41,0\n10.2,790,1024,1420,58,42,1\n");
        List<SoakSamples.Sample> samples = SoakSamples.read(csv);
        assertThat(samples).containsExactly(new SoakSamples.Sample(0, 812.5, 1024, 1400.2, 57, 41, 0),
                new SoakSamples.Sample(10.2, 790, 1024, 1420, 58, 42, 1));

        Path png = dir.resolve("soak.png");
        SoakChart.write(samples, 5, "test", png);
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(1000);
        assertThat(image.getHeight()).isGreaterThan(5 * 200);
    }

    @Test
    void axesEndOnARoundNumber() {
        assertThat(SoakChart.niceCeiling(812.5)).isEqualTo(1000);
        assertThat(SoakChart.niceCeiling(41)).isEqualTo(50);
        assertThat(SoakChart.niceCeiling(0)).isEqualTo(1);
    }
}
