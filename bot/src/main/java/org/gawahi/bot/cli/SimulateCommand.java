package org.gawahi.bot.cli;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.gawahi.bot.interview.Interview;
import org.gawahi.bot.simulator.Simulator;
import org.gawahi.config.questionnaire.Questionnaire;
import org.gawahi.config.questionnaire.QuestionnaireLoader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = {"Take a testimony in this terminal, with numbered buttons (no Telegram token needed).",
                "Testimonies are sealed into GAWAHI_DATA_DIR (default ./data) when it exists, else into a "
                        + "throwaway directory deleted at the end."})
final class SimulateCommand implements Callable<Integer> {
    static final String QUESTIONNAIRE_VARIABLE = "GAWAHI_QUESTIONNAIRE";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--lang", description = "Language code to start in (hi, mr, kn, te, bn, ne, en).")
    String language;

    @Option(names = "--jsonl", description = "Machine mode: one JSON line per screen on stdout, one JSON line per input on stdin.")
    boolean jsonLines;

    @Option(names = "--questionnaire", description = "A questionnaire folder to rehearse (default: GAWAHI_QUESTIONNAIRE, else the raid testimony).")
    Path questionnaireFolder;

    @Override
    public Integer call() throws Exception {
        CliEnvironment env = GawahiCommand.environment(spec);
        Questionnaire questionnaire = loadQuestionnaire(env, questionnaireFolder);
        Clock clock = Clock.systemDefaultZone();
        // Everything but screens goes to stderr: stdout is the JSON-lines contract.
        try (SimulationStorage storage = SimulationStorage.open(env, clock)) {
            Interview interview = new Interview(questionnaire, storage.drafts, storage.submissions, clock);
            BufferedReader in = new BufferedReader(new InputStreamReader(env.in(), StandardCharsets.UTF_8));
            return new Simulator(interview, storage.chat, in, env.out(), env.err()).run(Optional.ofNullable(language), jsonLines);
        }
    }

    static Questionnaire loadQuestionnaire(CliEnvironment env, Path folder) {
        Path chosen = folder == null ? null : env.workingDirectory().resolve(folder);
        if (chosen == null && env.variable(QUESTIONNAIRE_VARIABLE).isPresent()) {
            chosen = env.workingDirectory().resolve(env.variable(QUESTIONNAIRE_VARIABLE).get());
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
