package org.gawahi.storage.reports;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.gawahi.config.questionnaire.Indicator;

/**
 * One indicator after disclosure control: its counts (the numerator of a share), its
 * denominators, and the shares that may be printed, by area and period with their totals.
 * Holds no count that suppression hid.
 */
public record Figure(Indicator indicator, PublishedTable counts, Optional<PublishedTable> denominators,
                     Map<CellKey, Percentage> shares) {
    public Figure {
        Objects.requireNonNull(indicator, "indicator");
        Objects.requireNonNull(counts, "counts");
        Objects.requireNonNull(denominators, "denominators");
        shares = Map.copyOf(shares);
    }

    /** The share of a cell, or empty for a count indicator. */
    public Optional<Percentage> share(CellKey key) {
        return Optional.ofNullable(shares.get(key));
    }

    /** True when nothing of this indicator can be printed but zeros and blanks. */
    public boolean nothingToPublish() {
        boolean anyShare = shares.values().stream().anyMatch(p -> p instanceof Percentage.Shown);
        return counts.nothingToPublish() && !anyShare
                && denominators.map(PublishedTable::nothingToPublish).orElse(true);
    }
}
