package org.gawahi.bot.wiring;

import java.util.Locale;
import java.util.Objects;

import org.gawahi.bot.telegram.BotStatus;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/** {@code /actuator/health}: polling or webhook, how long since the last update, key state. */
class TelegramHealthIndicator implements HealthIndicator {
    /**
     * Placeholder until the vault is wired: without a passphrase the bot only takes and seals
     * testimonies, which is the state this build always runs in.
     */
    private final BotStatus status;
    private final String keyState;

    TelegramHealthIndicator(BotStatus status, String keyState) {
        this.status = Objects.requireNonNull(status, "status");
        this.keyState = Objects.requireNonNull(keyState, "keyState");
    }

    @Override
    public Health health() {
        Health.Builder health = status.running() && status.receiving() ? Health.up() : Health.down();
        return health
                .withDetail("mode", status.mode().name().toLowerCase(Locale.ROOT))
                .withDetail("receiving", status.receiving())
                .withDetail("lastUpdateAgeSeconds", status.lastUpdateAge().map(age -> (Object) age.toSeconds())
                        .orElse("none yet"))
                .withDetail("keys", keyState)
                .build();
    }
}
