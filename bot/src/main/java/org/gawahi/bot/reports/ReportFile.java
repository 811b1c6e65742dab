package org.gawahi.bot.reports;

import java.util.Objects;

/** One exported file: its name and bytes (a report, a chart, or a {@code .sig}). */
public record ReportFile(String name, byte[] content) {
    public ReportFile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(content, "content");
    }

    public boolean isSignature() {
        return name.endsWith(ReportSignature.SUFFIX);
    }

    @Override
    public String toString() {
        return "ReportFile[" + name + ", " + content.length + " bytes]";
    }
}
