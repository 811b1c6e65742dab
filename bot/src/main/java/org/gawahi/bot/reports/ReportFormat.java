package org.gawahi.bot.reports;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** What a report can be exported as. */
public enum ReportFormat {
    CSV, JSON, PNG, PDF;

    public static Optional<ReportFormat> parse(String name) {
        return Arrays.stream(values()).filter(f -> f.name().equalsIgnoreCase(name == null ? "" : name.strip())).findFirst();
    }

    public static String names() {
        return Arrays.stream(values()).map(f -> f.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "));
    }

    String extension() {
        return name().toLowerCase(Locale.ROOT);
    }
}
