package org.gawahi.bot.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.gawahi.bot.interview.Screen;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The load harness, small, so that it cannot rot: twenty people, both bots, every figure there. */
class LoadBenchmarkSmokeTest {
    @TempDir
    Path work;

    @Test
    void twentyPeopleFinishOnBothBotsAndEveryFigureIsMeasured() throws Exception {
        LoadBenchmark.Result result = LoadBenchmark.run(20, work, Duration.ofSeconds(90));
        System.out.println(result.gawahi().line("gawahi"));
        System.out.println(result.echo().line("echo"));

        for (LoadBenchmark.Figures figures : new LoadBenchmark.Figures[] {result.gawahi(), result.echo()}) {
            assertThat(figures.unfinished()).isZero();
            assertThat(figures.updates()).isGreaterThan(20 * 10);
            assertThat(figures.updatesPerSecond()).isPositive();
            assertThat(figures.p99()).isGreaterThanOrEqualTo(figures.p50()).isPositive();
            assertThat(figures.peakRssKb()).isPositive();
            assertThat(figures.firstPoll()).isPositive();
        }
        assertThat(result.ratio()).isPositive();
    }

    @Test
    void theEchoBotIsHandedEveryScreenOfOneTestimonyAsTheEngineDrewIt() throws Exception {
        List<Screen> screens = EchoScreens.ofOneTestimony(work.resolve("screens"));
        Path file = work.resolve("echo-screens.bin");
        EchoScreens.write(screens, file);

        assertThat(EchoScreens.read(file)).extracting(Screen::text, Screen::keyboard)
                .isEqualTo(screens.stream().map(s -> org.assertj.core.groups.Tuple.tuple(s.text(), s.keyboard())).toList());
        assertThat(screens.get(screens.size() - 1).receipt()).as("ends on the receipt").isPresent();
        assertThat(screens.subList(0, screens.size() - 1)).allSatisfy(s -> assertThat(s.buttons()).isNotEmpty());
        assertThat(screens.stream().mapToInt(s -> s.text().length()).sum() / screens.size())
                .as("average text length, the echo's two words being 6").isGreaterThan(100);
    }
}
