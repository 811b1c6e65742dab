package org.gawahi.storage.reports;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.gawahi.config.questionnaire.Indicator;

/**
 * One indicator after disclosure control: its counts (the numerator of a share), its
 * denominators, and the shares that may be printed, by area and period with their totals.
 * Holds no count that suppression hid.
 *
 * @param byTestimony a raid indicator counted by testimony (one event's figures, {@link Reporting#event}):
 *                    its tables have their own names ({@link #table()}), never compared with per-raid ones
 */
public record Figure(Indicator indicator, PublishedTable counts, Optional<PublishedTable> denominators,
                     Map<CellKey, Percentage> shares, boolean byTestimony) {
    /** What a raid indicator's tables are called when counted by testimony: {@code <indicator>/by-testimony}. */
    public static final String BY_TESTIMONY = "/by-testimony";

    public Figure {
        Objects.requireNonNull(indicator, "indicator");
        Objects.requireNonNull(counts, "counts");
        Objects.requireNonNull(denominators, "denominators");
        shares = Map.copyOf(shares);
    }

    public Figure(Indicator indicator, PublishedTable counts, Optional<PublishedTable> denominators,
                  Map<CellKey, Percentage> shares) {
        this(indicator, counts, denominators, shares, false);
    }

    /**
     * The name its tables go by ({@link Report#counts}, {@link Report#denominators}): the indicator's
     * id, or {@code <id>/by-testimony} for a raid indicator counted by testimony.
     */
    public String table() {
        return table(indicator.id(), byTestimony);
    }

    static String table(String indicator, boolean byTestimony) {
        return byTestimony ? indicator + BY_TESTIMONY : indicator;
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
