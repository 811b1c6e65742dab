package org.gawahi.bot.interview;

import java.util.List;
import java.util.Objects;

import org.gawahi.storage.drafts.ChatRef;

/**
 * What an input causes beyond its own screen, carried out by the channel only after the input's
 * unit of work committed: a rolled-back batch says nothing to anybody. Each prints no content and
 * no id.
 */
public sealed interface AfterCommit {
    /**
     * A message to another person's chat: a moderator's one message back to a respondent (under
     * the questionnaire's line in her language), or the content-free word to a moderator that an
     * urgent testimony arrived.
     */
    record Message(ChatRef to, String text) implements AfterCommit {
        public Message {
            Objects.requireNonNull(to, "to");
            Objects.requireNonNull(text, "text");
        }

        @Override
        public String toString() {
            return "Message[REDACTED]";
        }
    }

    /**
     * An urgent testimony was stored with this input. The interview does not know the moderators:
     * the review desk in front of it turns this into a {@link Message} to each of them (unlocked
     * only: the role table that names them cannot be read otherwise); a channel that gets it
     * unaddressed says nothing.
     */
    record UrgentArrival() implements AfterCommit {
    }

    /**
     * Files for the person who asked (a report, a brief), made after the commit on the channel's
     * own thread: making them opens every approved testimony and draws a PDF, which takes seconds.
     */
    record Documents(Job job) implements AfterCommit {
        public Documents {
            Objects.requireNonNull(job, "job");
        }

        @Override
        public String toString() {
            return "Documents";
        }
    }

    /** Documents accepted but not made yet; holds no content until it runs. */
    @FunctionalInterface
    interface Job {
        Delivery make();
    }

    /**
     * What to send: the files (each followed by its {@code .sig}), then one line of text. With
     * no files, the line says why (nothing could be published, the making failed).
     */
    record Delivery(List<File> files, String text) {
        public Delivery {
            files = List.copyOf(files);
            Objects.requireNonNull(text, "text");
        }

        public static Delivery say(String text) {
            return new Delivery(List.of(), text);
        }

        @Override
        public String toString() {
            return "Delivery[" + files.size() + " files]";
        }
    }

    /** One file to send: its name and bytes. */
    record File(String name, byte[] content) {
        public File {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(content, "content");
        }

        @Override
        public String toString() {
            return "File[" + name + ", " + content.length + " bytes]";
        }
    }
}
