package org.gawahi.bot.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.gawahi.bot.translations.MessageFiles;
import org.gawahi.bot.translations.ReviewWorkbook;
import org.gawahi.bot.translations.TranslationException;
import org.gawahi.bot.translations.TranslationImport;
import org.gawahi.config.questionnaire.Questionnaire;
import org.gawahi.config.questionnaire.QuestionnaireLoader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code translations export|import}: one language's texts as a spreadsheet a reviewer fills in, and back. */
@Command(name = "translations", mixinStandardHelpOptions = true,
        description = "Give a language's texts to a reviewer as a spreadsheet, and take the reviewed texts back.",
        subcommands = {TranslationsCommand.Export.class, TranslationsCommand.Import.class})
final class TranslationsCommand implements Runnable {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Write every text of one language, with the English beside it, to a new .xlsx for a reviewer.")
    static final class Export implements Callable<Integer> {
        @Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--lang", required = true, paramLabel = "CODE", description = "The language to review (hi, mr, kn, te, bn, ne).")
        String language;

        @Option(names = "--to", required = true, paramLabel = "FILE.xlsx", description = "The spreadsheet to write; must not exist yet.")
        Path to;

        @Option(names = "--questionnaire", paramLabel = "DIR",
                description = "A questionnaire folder (default: GAWAHI_QUESTIONNAIRE, else the raid testimony).")
        Path folder;

        @Override
        public Integer call() {
            CliEnvironment env = GawahiCommand.environment(spec);
            Optional<Path> chosen = chosenFolder(env, folder);
            if (chosen.isPresent() && !Files.isRegularFile(chosen.get().resolve("questionnaire.yaml"))) {
                throw new UserFacingException(chosen.get() + " is not a questionnaire folder (it has no questionnaire.yaml).");
            }
            QuestionnaireLoader.Source source = source(chosen);
            Questionnaire questionnaire = QuestionnaireLoader.load(source);
            if (language.equals("en")) {
                throw new UserFacingException("English is the reference every translation is checked against; "
                        + "choose one of " + String.join(", ", others(questionnaire)) + ".");
            }
            if (!questionnaire.languages().contains(language)) {
                throw new UserFacingException("The questionnaire has no language \"" + language + "\"; it has "
                        + String.join(", ", others(questionnaire)) + ".");
            }
            Path file = env.workingDirectory().resolve(to);
            if (!file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".xlsx")) {
                throw new UserFacingException("Name the spreadsheet with .xlsx at the end (" + file.getFileName()
                        + " does not), so that spreadsheet programs open it.");
            }
            List<MessageFiles.Entry> entries;
            try {
                entries = MessageFiles.entries(source, language);
            } catch (TranslationException e) {
                throw new UserFacingException(e.getMessage(), e);
            }
            String name = questionnaire.texts(language).languageName();
            try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                ReviewWorkbook.write(entries, language, name, out);
            } catch (FileAlreadyExistsException e) {
                throw new UserFacingException(file + " already exists; choose another name, so that no reviewer's "
                        + "work is overwritten.", e);
            } catch (IOException e) {
                deleteQuietly(file);
                throw new UserFacingException("Cannot write " + file + " (" + e.getMessage() + ").", e);
            }
            PrintStream out = env.out();
            out.println("Wrote the " + entries.size() + " texts of " + name + " (" + language + ") to " + file + ".");
            out.println("The reviewer writes better versions in its yellow column; then see them with "
                    + "`gawahi translations import " + file.getFileName() + " --questionnaire DIR --dry-run`.");
            return 0;
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = {"Check a reviewed spreadsheet and write its changed texts into a questionnaire folder, "
                    + "with a list of what changed.",
                    "Rows that fail a check are refused by row number and the others are written; the exit code "
                            + "is 1 when a row was refused."})
    static final class Import implements Callable<Integer> {
        @Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "FILE.xlsx", description = "The reviewed spreadsheet.")
        Path workbook;

        @Option(names = "--questionnaire", paramLabel = "DIR",
                description = "The questionnaire folder to write into (default: GAWAHI_QUESTIONNAIRE). A folder that "
                        + "does not exist yet is made as a copy of the raid testimony.")
        Path folder;

        @Option(names = "--dry-run", description = "Check and show the changes; write nothing.")
        boolean dryRun;

        @Override
        public Integer call() {
            CliEnvironment env = GawahiCommand.environment(spec);
            Optional<Path> chosen = chosenFolder(env, folder);
            if (chosen.isEmpty() && !dryRun) {
                throw new UserFacingException("Say which questionnaire folder to write into with --questionnaire DIR "
                        + "(or GAWAHI_QUESTIONNAIRE); a folder that does not exist yet is made as a copy of the raid "
                        + "testimony. Nothing was changed.");
            }
            boolean fresh = chosen.isPresent() && !Files.exists(chosen.get());
            if (chosen.isPresent() && !fresh && !Files.isRegularFile(chosen.get().resolve("questionnaire.yaml"))) {
                throw new UserFacingException(chosen.get() + " is not a questionnaire folder (it has no "
                        + "questionnaire.yaml); nothing was changed.");
            }
            QuestionnaireLoader.Source source = source(fresh ? Optional.empty() : chosen);
            TranslationImport.Plan plan;
            try {
                plan = TranslationImport.plan(source, ReviewWorkbook.read(env.workingDirectory().resolve(workbook)));
            } catch (TranslationException e) {
                throw new UserFacingException(e.getMessage(), e);
            }
            PrintStream out = env.out();
            PrintStream err = env.err();
            for (TranslationImport.Change c : plan.changes()) {
                out.println(change(c));
            }
            if (!plan.notes().isEmpty()) {
                out.println("The reviewer's notes:");
                plan.notes().forEach(n -> out.println("  " + n));
            }
            plan.warnings().forEach(err::println);
            for (TranslationImport.Refusal r : plan.refusals()) {
                err.println("Row " + r.row() + " (" + r.key() + ") refused: " + r.reason());
            }
            String refused = plan.refusals().isEmpty() ? ""
                    : " " + plan.refusals().size() + " row(s) refused (above): correct them in the spreadsheet and "
                      + "import it again.";
            if (plan.changes().isEmpty()) {
                out.println("No text changed." + refused);
            } else if (dryRun) {
                out.println("Dry run: " + plan.changes().size() + " text(s) would change; nothing was written." + refused);
            } else {
                Path target = chosen.orElseThrow();
                if (fresh) {
                    copyShipped(target);
                }
                write(target, plan.files());
                out.println("Wrote " + plan.changes().size() + " changed text(s) into " + String.join(", ",
                        plan.files().keySet().stream().map(f -> target.resolve(f).toString()).toList())
                        + "." + refused);
                if (fresh) {
                    out.println(target + " is a new copy of the raid testimony with these changes; run the bot with "
                            + SimulateCommand.QUESTIONNAIRE_VARIABLE + "=" + target + " to use it.");
                }
            }
            return plan.refusals().isEmpty() ? 0 : 1;
        }
    }

    private static Optional<Path> chosenFolder(CliEnvironment env, Path folder) {
        if (folder != null) {
            return Optional.of(env.workingDirectory().resolve(folder));
        }
        return env.variable(SimulateCommand.QUESTIONNAIRE_VARIABLE).map(v -> env.workingDirectory().resolve(v));
    }

    private static QuestionnaireLoader.Source source(Optional<Path> folder) {
        if (folder.isEmpty()) {
            return QuestionnaireLoader.classpath(QuestionnaireLoader.DEFAULT_RESOURCE);
        }
        Path dir = folder.get();
        return name -> {
            try {
                return Optional.of(Files.readString(dir.resolve(name), StandardCharsets.UTF_8));
            } catch (java.nio.file.NoSuchFileException e) {
                return Optional.empty();
            } catch (IOException e) {
                throw new UserFacingException("Cannot read " + dir.resolve(name) + " (" + e.getMessage() + ").", e);
            }
        };
    }

    private static List<String> others(Questionnaire questionnaire) {
        return questionnaire.languages().stream().filter(l -> !l.equals("en")).toList();
    }

    /** Writes the raid testimony's files into a new folder, for an operator who has no source tree. */
    private static void copyShipped(Path target) {
        QuestionnaireLoader.Source shipped = QuestionnaireLoader.classpath(QuestionnaireLoader.DEFAULT_RESOURCE);
        List<String> names = new ArrayList<>(List.of("questionnaire.yaml", "indicators.yaml"));
        for (String language : QuestionnaireLoader.load(shipped).languages()) {
            names.add("text/" + language + ".yaml");
            names.add("report/" + language + ".yaml");
        }
        for (String name : names) {
            Optional<String> content = shipped.read(name);
            if (content.isPresent()) {
                try {
                    Files.createDirectories(target.resolve(name).getParent());
                    Files.writeString(target.resolve(name), content.get(), StandardCharsets.UTF_8,
                            StandardOpenOption.CREATE_NEW);
                } catch (IOException e) {
                    throw new UserFacingException("Cannot make the questionnaire folder " + target + " ("
                            + e.getMessage() + ").", e);
                }
            }
        }
    }

    /** Each file replaced whole (written beside it, then moved over it), so none is ever half written. */
    private static void write(Path folder, Map<String, String> files) {
        for (Map.Entry<String, String> f : files.entrySet()) {
            Path file = folder.resolve(f.getKey());
            Path temporary = file.resolveSibling(file.getFileName() + ".importing");
            try {
                Files.writeString(temporary, f.getValue(), StandardCharsets.UTF_8);
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                deleteQuietly(temporary);
                throw new UserFacingException("Cannot write " + file + " (" + e.getMessage() + ").", e);
            }
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // nothing more to do: the message says the file could not be written
        }
    }

    /** One change: "key: old → new" on a line, or the old and new lines of a text of several lines. */
    static String change(TranslationImport.Change c) {
        String where = "row " + c.row() + "  " + c.file() + "  " + c.key() + ":";
        if (!c.old().contains("\n") && !c.reviewed().contains("\n")) {
            return where + " \"" + c.old() + "\" → \"" + c.reviewed() + "\"";
        }
        StringBuilder lines = new StringBuilder(where);
        c.old().lines().forEach(l -> lines.append("\n    - ").append(l));
        c.reviewed().lines().forEach(l -> lines.append("\n    + ").append(l));
        return lines.toString();
    }
}
