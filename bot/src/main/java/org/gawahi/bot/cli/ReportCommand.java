package org.gawahi.bot.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

import org.gawahi.bot.reports.ReportFile;
import org.gawahi.bot.reports.ReportFormat;
import org.gawahi.bot.reports.ReportRequest;
import org.gawahi.bot.reports.ReportService;
import org.gawahi.bot.reports.ReportSignature;
import org.gawahi.bot.reports.ReportStores;
import org.gawahi.bot.wiring.StorePorts;
import org.gawahi.config.questionnaire.Questionnaire;
import org.gawahi.config.questionnaire.QuestionnaireLoader;
import org.gawahi.config.secret.Secret;
import org.gawahi.config.settings.ReportThresholds;
import org.gawahi.config.settings.SettingsException;
import org.gawahi.config.settings.SettingsLoader;
import org.gawahi.storage.crypto.KeyFileException;
import org.gawahi.storage.crypto.Keys;
import org.gawahi.storage.crypto.Opener;
import org.gawahi.storage.crypto.Sealer;
import org.gawahi.storage.crypto.Signer;
import org.gawahi.storage.crypto.WrongPassphraseException;
import org.gawahi.storage.db.Database;
import org.gawahi.storage.db.StorageException;
import org.gawahi.storage.reports.CellKey;
import org.gawahi.storage.reports.DisclosureHistory;
import org.gawahi.storage.reports.Report;
import org.gawahi.storage.reports.ReportPeriod;
import org.gawahi.storage.reports.SuppressionRules;
import org.gawahi.storage.testimony.Decisions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code report}: aggregate figures for a period, suppressed, signed, as CSV, JSON, PNG or PDF. */
@Command(name = "report", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Make the collective's aggregate report for a period: figures by state (district where safe) and "
                + "quarter (or month), small counts withheld, every file signed (FILE.sig) and carrying the audit head.",
                "Needs the unlocked keys: the passphrase comes from GAWAHI_PASSPHRASE or is asked for.",
                "Exit 0 when files were written, 4 when nothing could be published for the period."})
final class ReportCommand implements Callable<Integer> {
    static final int NOTHING_PUBLISHABLE = 4;

    @Option(names = "--from", required = true, paramLabel = "PERIOD", description = "First quarter or month: 2026-Q1 or 2026-01.")
    String from;

    @Option(names = "--to", required = true, paramLabel = "PERIOD", description = "Last quarter or month: 2026-Q2 or 2026-06.")
    String to;

    @Option(names = "--format", required = true, paramLabel = "FORMAT", description = "csv, json, png or pdf.")
    String format;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder to write the report and its .sig files to.")
    Path out;

    @Option(names = "--by", paramLabel = "month", description = "Columns by month instead of by quarter.")
    String by;

    @Option(names = "--lang", paramLabel = "LANG", defaultValue = "en", description = "en (default), hi or mr.")
    String language;

    @Option(names = "--previous", paramLabel = "REPORT.json",
            description = "An earlier JSON report of the same period made elsewhere (an import): what it withheld "
                    + "stays withheld. Reports made here are checked against everything published before without it.")
    Path previous;

    @Option(names = "--include-pending", description = "Also count testimonies not yet approved: for rehearsing on test "
            + "data only, never for a report that leaves the collective.")
    boolean includePending;

    @Spec
    CommandLine.Model.CommandSpec spec;

    private CliEnvironment env;
    private final Clock clock = Clock.systemUTC();

    @Override
    public Integer call() {
        env = GawahiCommand.environment(spec);
        out = env.workingDirectory().resolve(out).normalize();
        ReportFormat chosen = ReportFormat.parse(format).orElseThrow(() -> new UserFacingException(
                "Unknown format '" + format + "': use one of " + ReportFormat.names() + "."));
        ReportPeriod.Granularity granularity = granularity();
        SuppressionRules rules = rules();
        ReportPeriod period = period(granularity);
        Questionnaire questionnaire = questionnaire();
        ReportService service = service(questionnaire, rules);
        if (!service.supports(language)) {
            throw new UserFacingException("No report words in '" + language + "': use one of "
                    + String.join(", ", service.languages()) + ".");
        }
        Map<String, Set<CellKey>> pattern = previousPattern();
        prepareOut();
        Path dataDirectory = DataDirectory.requireExisting(env);
        Keys keys = new Keys(dataDirectory, new java.security.SecureRandom(), clock);
        try (Database db = Database.openExisting(dataDirectory)) {
            Secret passphrase = Passphrases.read(env);
            try (Opener opener = unlock(keys, passphrase); Signer signer = signer(keys, passphrase)) {
                authenticateEarlierDecisions(keys, db, opener);
                return make(service, db, opener, signer, sealer(keys), period, chosen, pattern);
            }
        } catch (StorageException e) {
            throw new UserFacingException(e.getMessage(), e);
        }
    }

    private int make(ReportService service, Database db, Opener opener, Signer signer, Sealer sealer,
                     ReportPeriod period, ReportFormat chosen, Map<String, Set<CellKey>> pattern) {
        ReportStores stores = StorePorts.reports(db);
        Report report;
        try {
            ProgressBar progress = ProgressBar.on(env, "Opening testimonies");
            try {
                report = service.build(stores, opener, new ReportRequest(period, includePending, pattern), progress::update);
            } catch (DisclosureHistory.DamagedHistoryException e) {
                throw new UserFacingException(e.getMessage() + " No report was made.", e);
            }
            progress.finish();
            PrintWriter stdout = spec.commandLine().getOut();
            if (report.leftOut().any()) {
                stdout.println(leftOut(report.leftOut()));
            }
            if (report.nothingToPublish()) {
                stdout.println("Nothing can be published for " + period.fromLabel() + " to " + period.toLabel()
                        + ": every figure is too small to print without putting someone at risk. No file was written.");
                return NOTHING_PUBLISHABLE;
            }
            if (report.provisional()) {
                stdout.println("PROVISIONAL: " + period.toLabel() + " is not over yet, so these figures can still change; "
                        + "every file says so. The report counts in the disclosure history like any other.");
            }
            List<ReportFile> files = service.export(report, chosen, language, signer);
            service.record(stores, sealer, report);
            for (ReportFile file : files) {
                Files.write(out.resolve(file.name()), file.content());
                if (!file.isSignature()) {
                    stdout.println("wrote " + out.resolve(file.name()));
                }
            }
            stdout.println("each with its signature (.sig), key " + signer.keyId() + ", fingerprint "
                    + ReportSignature.fingerprint(signer.publicKey()));
            stdout.println("audit head: entry " + report.auditHead().seq() + ", " + report.auditHead().hash());
            return 0;
        } catch (IOException e) {
            throw new UserFacingException("Cannot write to " + out.toAbsolutePath() + ": " + e.getMessage(), e);
        }
    }

    /** How many rows were left out and why, for whoever made the report (the method note says it too). */
    static String leftOut(Report.LeftOut left) {
        return "Left out: " + left.unreadable() + " testimonies whose record did not open (damaged) and "
                + left.notAuthentic() + " whose approval does not verify (changed outside Gawahi); "
                + "`gawahi doctor` names them.";
    }

    private ReportPeriod.Granularity granularity() {
        if (by == null) {
            return ReportPeriod.Granularity.QUARTER;
        }
        return switch (by.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "month" -> ReportPeriod.Granularity.MONTH;
            case "quarter" -> ReportPeriod.Granularity.QUARTER;
            default -> throw new UserFacingException("--by takes 'month' (or 'quarter', the default), not '" + by + "'.");
        };
    }

    private SuppressionRules rules() {
        return rules(env);
    }

    /** The thresholds from GAWAHI_MIN_*, as reports and briefs use them. */
    static SuppressionRules rules(CliEnvironment env) {
        try {
            Map<String, String> variables = new java.util.HashMap<>();
            for (String name : List.of("GAWAHI_MIN_COUNT", "GAWAHI_MIN_SENSITIVE_COUNT", "GAWAHI_MIN_DENOMINATOR",
                    "GAWAHI_MIN_GROUP")) {
                env.variable(name).ifPresent(v -> variables.put(name, v));
            }
            ReportThresholds t = SettingsLoader.reportThresholds(variables);
            return SuppressionRules.of(t.minimumCount(), t.minimumSensitiveCount(), t.minimumDenominator(), t.minimumGroup());
        } catch (SettingsException e) {
            throw new UserFacingException(e.getMessage() + "\nNo report was made.", e);
        } catch (IllegalArgumentException e) {
            throw new UserFacingException(e.getMessage(), e);
        }
    }

    private ReportPeriod period(ReportPeriod.Granularity granularity) {
        try {
            return ReportPeriod.parse(from, to, granularity, LocalDate.now(clock));
        } catch (ReportPeriod.InvalidPeriodException e) {
            throw new UserFacingException(e.getMessage(), e);
        }
    }

    private Questionnaire questionnaire() {
        return env.variable("GAWAHI_QUESTIONNAIRE").map(env.workingDirectory()::resolve).map(QuestionnaireLoader::load)
                .orElseGet(QuestionnaireLoader::loadDefault);
    }

    private ReportService service(Questionnaire questionnaire, SuppressionRules rules) {
        try {
            return new ReportService(questionnaire, rules, clock);
        } catch (IllegalArgumentException e) {
            throw new UserFacingException(e.getMessage(), e);
        }
    }

    private Map<String, Set<CellKey>> previousPattern() {
        if (previous == null) {
            return Map.of();
        }
        try {
            return ReportService.previousPattern(Files.readAllBytes(env.workingDirectory().resolve(previous)));
        } catch (IOException | IllegalArgumentException e) {
            throw new UserFacingException("--previous takes an earlier JSON report made by `gawahi report --format json`; "
                    + previous + " is not one.", e);
        }
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

    static Opener unlock(Keys keys, Secret passphrase) {
        try {
            return keys.unlock(passphrase);
        } catch (WrongPassphraseException e) {
            throw new UserFacingException("The passphrase does not open the collective's keys. No report was made.", e);
        } catch (KeyFileException e) {
            throw new UserFacingException(e.getMessage(), e);
        }
    }

    /** The first unlocked run after the upgrade authenticates earlier decisions (see {@link Decisions}). */
    static void authenticateEarlierDecisions(Keys keys, Database db, Opener opener) {
        try {
            if (new Decisions(db, opener).authenticateEarlierDecisions(keys.sealer().keyId()).upgrade()
                    == Decisions.Upgrade.DONE_NOW) {
                new org.gawahi.storage.roles.Roles(db, new java.security.SecureRandom()).authenticateExisting(opener);
            }
        } catch (KeyFileException e) {
            throw new UserFacingException(e.getMessage(), e);
        }
    }

    static Sealer sealer(Keys keys) {
        try {
            return keys.sealer();
        } catch (KeyFileException e) {
            throw new UserFacingException(e.getMessage(), e);
        }
    }

    static Signer signer(Keys keys, Secret passphrase) {
        try {
            return keys.signer(passphrase);
        } catch (WrongPassphraseException e) {
            throw new UserFacingException("The passphrase does not open the report signing key. No report was made.", e);
        } catch (KeyFileException e) {
            throw new UserFacingException("There is no report signing key yet: make one with `gawahi report-key create`, "
                    + "then publish its fingerprint so readers can check reports. (" + e.getMessage() + ")", e);
        }
    }
}
