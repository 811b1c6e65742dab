package org.gawahi.bot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UpdateApplierTest {

    @Test
    void anUpdateAtOrJustBelowTheCommittedIdIsARedelivery() {
        assertThat(UpdateApplier.isNew(100, 100)).isFalse();
        assertThat(UpdateApplier.isNew(99, 100)).isFalse();
        assertThat(UpdateApplier.isNew(101, 100)).isTrue();
    }

    @Test
    void anUpdateFarBelowTheCommittedIdIsANewSequence() {
        assertThat(UpdateApplier.isNew(5, 500_000)).isTrue();
    }

    @Test
    void theFirstUpdateEverIsNew() {
        assertThat(UpdateApplier.isNew(1, -1)).isTrue();
    }
}
