package org.gawahi.bot.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.gawahi.bot.brief.BriefService;
import org.gawahi.bot.reports.ReportFile;
import org.gawahi.bot.reports.ReportSignature;
import org.gawahi.bot.wiring.StorePorts;
import org.gawahi.config.questionnaire.Questionnaire;
import org.gawahi.config.questionnaire.QuestionnaireLoader;
import org.gawahi.config.secret.Secret;
import org.gawahi.storage.crypto.Keys;
import org.gawahi.storage.crypto.Opener;
import org.gawahi.storage.crypto.Signer;
import org.gawahi.storage.db.Database;
import org.gawahi.storage.db.StorageException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code brief}: the brief about one raid event (PDF and DOCX), and a draft letter to a body. */
@Command(name = "brief", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Make the brief about one raid event: when and where, how many testimonies, each matter they "
                + "speak to with the safeguard it breaks, consented and redacted quotes; as PDF and editable DOCX, "
                + "each signed (FILE.sig) and carrying the audit head. With --letter, also a draft letter to a body.",
                "Needs the unlocked keys: the passphrase comes from GAWAHI_PASSPHRASE or is asked for.",
                "The figures go through the reports' disclosure control and are checked against, then recorded in, "
                        + "the disclosure history before any file is written. A raid whose month is not over gets a "
                        + "brief marked PROVISIONAL.",
                "Exit 0 when files were written, 4 when the event cannot be briefed (unknown, all withdrawn, "
                        + "too few testimonies to publish without risk, or the disclosure history damaged)."})
final class BriefCommand implements Callable<Integer> {
    static final int NOT_BRIEFED = ReportCommand.NOTHING_PUBLISHABLE;

    @Option(names = "--event", required = true, paramLabel = "ID", description = "The raid event's id (from review).")
    String event;

    @Option(names = {"--language", "--lang"}, paramLabel = "LANG", defaultValue = "en", description = "en (default), hi or mr.")
    String language;

    @Option(names = "--letter", paramLabel = "BODY",
            description = "Also a draft letter to: scw (State Commission for Women), scpcr (State Commission for "
                    + "Protection of Child Rights), shrc (State Human Rights Commission), dlsa (District Legal "
                    + "Services Authority) or cp (Commissioner of Police).")
    String letter;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = ".", description = "Folder to write the files to (default: here).")
    Path out;

    @Spec
    CommandLine.Model.CommandSpec spec;

    private final Clock clock = Clock.systemUTC();

    @Override
    public Integer call() {
        CliEnvironment env = GawahiCommand.environment(spec);
        out = env.workingDirectory().resolve(out).normalize();
        Questionnaire questionnaire = env.variable("GAWAHI_QUESTIONNAIRE").map(env.workingDirectory()::resolve)
                .map(QuestionnaireLoader::load).orElseGet(QuestionnaireLoader::loadDefault);
        BriefService service;
        try {
            service = new BriefService(questionnaire, ReportCommand.rules(env), clock);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new UserFacingException(e.getMessage(), e);
        }
        String lang = language.strip().toLowerCase(Locale.ROOT);
        if (!service.languages().contains(lang)) {
            throw new UserFacingException("No brief words in '" + language + "': use one of "
                    + String.join(", ", service.languages()) + ".");
        }
        Optional<String> body = Optional.ofNullable(letter).map(l -> l.strip().toLowerCase(Locale.ROOT));
        if (body.isPresent() && !BriefService.bodies().contains(body.get())) {
            throw new UserFacingException("No letter to '" + letter + "': use one of "
                    + String.join(", ", BriefService.bodies()) + ".");
        }
        prepareOut();
        Path dataDirectory = DataDirectory.requireExisting(env);
        Keys keys = new Keys(dataDirectory, new java.security.SecureRandom(), clock);
        try (Database db = Database.openExisting(dataDirectory)) {
            Secret passphrase = Passphrases.read(env);
            try (Opener opener = ReportCommand.unlock(keys, passphrase);
                 Signer signer = ReportCommand.signer(keys, passphrase)) {
                ReportCommand.authenticateEarlierDecisions(keys, db, opener);
                return write(service.write(StorePorts.reports(db), opener, signer, ReportCommand.sealer(keys), event.strip(), lang, body,
                        BriefService.NotOver.MARK_PROVISIONAL), signer);
            }
        } catch (StorageException e) {
            throw new UserFacingException(e.getMessage(), e);
        }
    }

    private int write(BriefService.Result result, Signer signer) {
        PrintWriter stdout = spec.commandLine().getOut();
        if (result.refusal().isPresent()) {
            stdout.println(result.refusal().get() + " No file was written.");
            return NOT_BRIEFED;
        }
        if (result.provisional()) {
            stdout.println("PROVISIONAL: the month of this raid is not over yet, so these figures can still change; "
                    + "every file says so. The brief counts in the disclosure history like any other.");
        }
        try {
            for (ReportFile file : result.files()) {
                Files.write(out.resolve(file.name()), file.content());
                if (!file.isSignature()) {
                    stdout.println("wrote " + out.resolve(file.name()));
                }
            }
        } catch (IOException e) {
            throw new UserFacingException("Cannot write to " + out.toAbsolutePath() + ": " + e.getMessage(), e);
        }
        stdout.println("each with its signature (.sig), key " + signer.keyId() + ", fingerprint "
                + ReportSignature.fingerprint(signer.publicKey()));
        result.auditHead().ifPresent(h -> stdout.println("audit head: entry " + h.seq() + ", " + h.hash()));
        return 0;
    }

    private void prepareOut() {
        try {
            if (Files.exists(out) && !Files.isDirectory(out)) {
                throw new UserFacingException("--out " + out + " is a file; give a folder.");
            }
            Files.createDirectories(out);
        } catch (IOException e) {
            throw new UserFacingException("Cannot create the folder " + out.toAbsolutePath() + ": " + e.getMessage(), e);
        }
    }
}
