package org.gawahi.bot.reports;

import java.util.List;
import java.util.Objects;

import org.gawahi.bot.interview.AfterCommit;

/** One exported file: its name and bytes (a report, a chart, or a {@code .sig}). */
public record ReportFile(String name, byte[] content) {
    public ReportFile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(content, "content");
    }

    public boolean isSignature() {
        return name.endsWith(ReportSignature.SUFFIX);
    }

    /** The files as a channel sends them, in order. */
    public static List<AfterCommit.File> toSend(List<ReportFile> files) {
        return files.stream().map(f -> new AfterCommit.File(f.name(), f.content())).toList();
    }

    @Override
    public String toString() {
        return "ReportFile[" + name + ", " + content.length + " bytes]";
    }
}
