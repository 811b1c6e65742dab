package org.gawahi.bot.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class TokenBucketTest {
    FakeTime time = new FakeTime();

    @Test
    void givesTheBurstAtOnceThenSaysHowLongToWait() {
        TokenBucket bucket = new TokenBucket(time, 2, 3);

        assertThat(bucket.tryTake()).isZero();
        assertThat(bucket.tryTake()).isZero();
        assertThat(bucket.tryTake()).isZero();
        assertThat(bucket.tryTake()).isEqualTo(Duration.ofMillis(500));

        time.sleep(Duration.ofMillis(500));
        assertThat(bucket.tryTake()).isZero();
    }

    @Test
    void refillsNoFurtherThanTheBurst() {
        TokenBucket bucket = new TokenBucket(time, 1, 2);
        time.sleep(Duration.ofHours(1));

        assertThat(bucket.tryTake()).isZero();
        assertThat(bucket.tryTake()).isZero();
        assertThat(bucket.tryTake()).isPositive();
    }

    @Test
    void aPauseHoldsEveryTokenBackUntilItEnds() {
        TokenBucket bucket = new TokenBucket(time, 1, 5);
        bucket.pauseUntil(time.instant().plusSeconds(3));

        assertThat(bucket.tryTake()).isEqualTo(Duration.ofSeconds(3));
        time.sleep(Duration.ofSeconds(3));
        assertThat(bucket.tryTake()).isZero();
    }

    @Test
    void refusesANonPositiveRate() {
        assertThatThrownBy(() -> new TokenBucket(time, 0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TokenBucket(time, 1, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
