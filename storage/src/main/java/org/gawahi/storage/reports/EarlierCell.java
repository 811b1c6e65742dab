package org.gawahi.storage.reports;

import java.util.Objects;
import java.util.Set;

/**
 * A count or total an earlier table published, with the units (testimonies or raid events) it
 * was taken over: what a new table is checked against.
 */
public record EarlierCell(Set<String> units, long value) {
    public EarlierCell {
        units = Set.copyOf(units);
        if (value < 0) {
            throw new IllegalArgumentException("A published count cannot be negative: " + value);
        }
    }

    @Override
    public String toString() {
        return "EarlierCell[" + units.size() + " units, " + value + "]";
    }

    static EarlierCell of(Set<String> units, long value) {
        return new EarlierCell(Objects.requireNonNull(units, "units"), value);
    }
}
