package org.gawahi.bot.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;

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
}
