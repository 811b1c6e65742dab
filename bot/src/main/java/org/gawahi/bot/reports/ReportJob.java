package org.gawahi.bot.reports;

import java.util.List;
import java.util.Objects;

/**
 * A report accepted for one chat but not made yet: making it opens every approved testimony
 * and draws a PDF, which takes seconds, so a channel runs it after the request is committed
 * and away from the thread that reads new messages. Holds no content until it runs.
 */
@FunctionalInterface
public interface ReportJob {
    Delivery make();

    /**
     * What to send: the files (each followed by its {@code .sig}), then one line of text. With
     * no files, the line says why (nothing could be published, the report failed).
     */
    record Delivery(List<ReportFile> files, String text) {
        public Delivery {
            files = List.copyOf(files);
            Objects.requireNonNull(text, "text");
        }

        static Delivery say(String text) {
            return new Delivery(List.of(), text);
        }

        @Override
        public String toString() {
            return "Delivery[" + files.size() + " files]";
        }
    }
}
