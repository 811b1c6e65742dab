package org.gawahi.bot.cli;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.gawahi.bot.interview.Interview;
import org.gawahi.bot.simulator.Simulator;
import org.gawahi.config.questionnaire.Questionnaire;
import org.gawahi.config.questionnaire.QuestionnaireLoader;
import org.gawahi.storage.drafts.InMemoryDraftStore;
import org.gawahi.storage.testimony.InMemorySubmissions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = "Take a testimony in this terminal, with numbered buttons (no Telegram token needed).")
final class SimulateCommand implements Callable<Integer> {
    @Option(names = "--lang", description = "Language code to start in (hi, mr, kn, te, bn, ne, en).")
    String language;

    @Option(names = "--jsonl", description = "Machine mode: one JSON line per screen on stdout, one JSON line per input on stdin.")
    boolean jsonLines;

    @Option(names = "--questionnaire", description = "A questionnaire folder to rehearse (default: GAWAHI_QUESTIONNAIRE, else the raid testimony).")
    Path questionnaireFolder;

    @Override
    public Integer call() throws Exception {
        Questionnaire questionnaire = loadQuestionnaire(questionnaireFolder);
        Clock clock = Clock.systemDefaultZone();
        InMemoryDraftStore drafts = new InMemoryDraftStore(clock, Duration.ofHours(24));
        InMemorySubmissions submissions = new InMemorySubmissions(drafts, new SecureRandom());
        Interview interview = new Interview(questionnaire, drafts, submissions, clock);
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        if (!jsonLines) {
            err.println("Rehearsal: answers stay in this process's memory and are gone when it ends.");
        }
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        return new Simulator(interview, in, out, err).run(Optional.ofNullable(language), jsonLines);
    }

    static Questionnaire loadQuestionnaire(Path folder) {
        Path chosen = folder;
        if (chosen == null && System.getenv("GAWAHI_QUESTIONNAIRE") != null) {
            chosen = Path.of(System.getenv("GAWAHI_QUESTIONNAIRE"));
        }
        if (chosen == null) {
            return QuestionnaireLoader.loadDefault();
        }
        if (!Files.isDirectory(chosen)) {
            throw new UserFacingException("The questionnaire folder " + chosen + " does not exist or is not a folder.");
        }
        return QuestionnaireLoader.load(chosen);
    }
}
