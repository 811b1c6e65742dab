package org.gawahi.bot.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;

import org.gawahi.bot.moderation.OpenedTestimony;
import org.gawahi.bot.moderation.Outcome;
import org.gawahi.bot.moderation.RejectReason;
import org.gawahi.bot.moderation.Review;
import org.gawahi.bot.moderation.TestimonyRenderer;
import org.gawahi.bot.wiring.StorePorts;
import org.gawahi.config.questionnaire.Questionnaire;
import org.gawahi.config.questionnaire.QuestionnaireLoader;
import org.gawahi.storage.audit.AuditLog;
import org.gawahi.storage.crypto.CannotOpenException;
import org.gawahi.storage.events.EventTable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code review}: the moderator's review on a laptop, with the same actions as in Telegram.
 * Reads one line per choice from standard input; every action is audited with the operator
 * as actor. Nothing it shows is written anywhere but the terminal.
 */
@Command(name = "review", mixinStandardHelpOptions = true,
        description = {"Review pending testimonies in the terminal: approve, reject, flag urgent, redact, link to a "
                + "raid event, skip, close a contact-back case. Urgent ones first, then the oldest.",
                "Needs the passphrase (GAWAHI_PASSPHRASE or asked for). Every action is audited."})
final class ReviewCommand implements Callable<Integer> {
    static final String MENU = "[a]pprove  [r]eject  [u]rgent  r[e]dact  [l]ink to raid  [s]kip  [q]uit";
    static final String CONTACT_MENU = "[c]lose case (erase the way to reach her)";
    static final String CONTACT_NOTE = "Contact: she asked for one message back through the bot. Sending needs the "
            + "running bot (unlocked): use Contact in the Telegram review. Here you can only close the case.";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--language", paramLabel = "CODE", defaultValue = "en",
            description = "Language of the question labels (default: ${DEFAULT-VALUE}).")
    String language;

    @Option(names = "--questionnaire", paramLabel = "FOLDER",
            description = "The questionnaire folder the bot runs with, if not the default one.")
    java.nio.file.Path questionnaireFolder;

    private PrintStream out;
    private BufferedReader in;

    @Override
    public Integer call() throws Exception {
        CliEnvironment env = GawahiCommand.environment(spec);
        Questionnaire questionnaire = questionnaireFolder == null ? QuestionnaireLoader.loadDefault()
                : QuestionnaireLoader.load(env.workingDirectory().resolve(questionnaireFolder));
        out = env.out();
        in = new BufferedReader(new InputStreamReader(env.in(), StandardCharsets.UTF_8));
        try (Unlocked u = Unlocked.open(env)) {
            Review review = StorePorts.review(u.db, u.opener, u.sealer, u.clock, u.random);
            TestimonyRenderer renderer = new TestimonyRenderer(questionnaire);
            out.println(review.queue().describe());
            Set<String> skipped = new HashSet<>();
            Optional<OpenedTestimony> current = review.next(AuditLog.OPERATOR, skipped);
            while (current.isPresent()) {
                OpenedTestimony t = current.get();
                out.println();
                out.println(renderer.render(t, language));
                out.println();
                boolean contactable = review.contact().available(t.id());
                if (contactable) {
                    out.println(CONTACT_NOTE);
                }
                out.println(contactable ? MENU + "  " + CONTACT_MENU : MENU);
                String choice = line();
                if (choice == null || choice.equals("q")) {
                    break;
                }
                Step step = act(choice, t, review, renderer);
                if (step == Step.NEXT) {
                    skipped.add(t.id()); // an undecided one (skipped) is not offered again this session
                    current = review.next(AuditLog.OPERATOR, skipped);
                } else if (step == Step.AGAIN) {
                    current = review.open(AuditLog.OPERATOR, t.id());
                }
            }
            out.println();
            out.println(review.queue().describe());
            out.println("Audit head: " + u.audit.head().hash());
        }
        return 0;
    }

    private enum Step { NEXT, AGAIN, SAME }

    private Step act(String choice, OpenedTestimony t, Review review, TestimonyRenderer renderer)
            throws IOException, CannotOpenException {
        String actor = AuditLog.OPERATOR;
        switch (choice) {
            case "a" -> {
                return report(review.approve(actor, t.id()), Step.NEXT);
            }
            case "r" -> {
                RejectReason[] reasons = RejectReason.values();
                for (int i = 0; i < reasons.length; i++) {
                    out.println("  " + (i + 1) + ". " + reasons[i].label());
                }
                out.println("Reason (number, or empty to go back):");
                int n = number(line(), reasons.length);
                return n < 0 ? Step.SAME : report(review.reject(actor, t.id(), reasons[n]), Step.NEXT);
            }
            case "u" -> {
                return report(review.flagUrgent(actor, t.id()), Step.AGAIN);
            }
            case "e" -> {
                List<String> questions = renderer.textQuestions(t);
                if (questions.isEmpty()) {
                    out.println("This testimony has no free text to redact.");
                    return Step.SAME;
                }
                for (int i = 0; i < questions.size(); i++) {
                    out.println("  " + (i + 1) + ". " + renderer.questionLabel(questions.get(i), language));
                }
                out.println("Which answer (number, or empty to go back):");
                int n = number(line(), questions.size());
                if (n < 0) {
                    return Step.SAME;
                }
                out.println("Type the answer as it should stand, on one line (it may not be longer than before):");
                String text = line();
                return report(review.redact(actor, t.id(), questions.get(n), text == null ? "" : text), Step.AGAIN);
            }
            case "l" -> {
                List<EventTable.Event> events = review.recentEvents();
                for (int i = 0; i < events.size(); i++) {
                    EventTable.Event e = events.get(i);
                    out.println("  " + (i + 1) + ". raid " + e.id().substring(0, 8) + ", started " + e.createdDay()
                            + ", " + e.testimonies() + " testimonies");
                }
                out.println("  n. a new raid event");
                out.println("Which (number, n, or empty to go back):");
                String which = line();
                if ("n".equals(which)) {
                    return report(review.link(actor, t.id(), review.startEvent(actor)), Step.AGAIN);
                }
                int n = number(which, events.size());
                return n < 0 ? Step.SAME : report(review.link(actor, t.id(), events.get(n).id()), Step.AGAIN);
            }
            case "s" -> {
                return Step.NEXT;
            }
            case "c" -> {
                if (!review.contact().available(t.id())) {
                    out.println("This testimony has no way to reach its author. Choose one of: " + MENU);
                    return Step.SAME;
                }
                out.println("Close the case? The way to reach her is erased for good and no message can be sent "
                        + "to her any more. [y/N]");
                if (!"y".equalsIgnoreCase(line())) {
                    out.println("The case stays open.");
                    return Step.SAME;
                }
                out.println(review.contact().close(actor, t.id()).sentence());
                return Step.SAME;
            }
            default -> {
                out.println("Choose one of: " + MENU);
                return Step.SAME;
            }
        }
    }

    private Step report(Outcome outcome, Step onSuccess) {
        out.println(outcome.sentence());
        return outcome == Outcome.DONE || outcome == Outcome.ALREADY_DECIDED || outcome == Outcome.GONE
                ? (outcome == Outcome.DONE ? onSuccess : Step.NEXT) : Step.SAME;
    }

    private String line() throws IOException {
        String line = in.readLine();
        return line == null ? null : line.strip();
    }

    /** The 0-based choice, or -1 for anything that is not a number from 1 to {@code size}. */
    private static int number(String typed, int size) {
        try {
            int n = Integer.parseInt(typed == null ? "" : typed.strip());
            return n >= 1 && n <= size ? n - 1 : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
