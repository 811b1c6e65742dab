package org.gawahi.bot.cli;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

import org.gawahi.config.settings.SettingsLoader;
import org.gawahi.storage.crypto.Keys;
import org.gawahi.storage.crypto.KeyState;
import org.gawahi.storage.crypto.Pseudonyms;
import org.gawahi.storage.crypto.ServerSecret;
import org.gawahi.storage.db.Database;
import org.gawahi.storage.testimony.FormLinks;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code links create|count|revoke-all}: one-time links to the sealed form for people without
 * Telegram (docs/OPERATING.md, "Links for people without Telegram"). Intake-only: no passphrase;
 * the database keeps only a keyed hash of each link, so the printed links are the only copy.
 */
@Command(name = "links", mixinStandardHelpOptions = true,
        description = {"Make, count and revoke one-time links to the sealed form, for people without Telegram.",
                "Each link sends one testimony from any browser (Tor Browser too) until it expires. No passphrase needed."},
        subcommands = {LinksCommand.Create.class, LinksCommand.Count.class, LinksCommand.RevokeAll.class})
final class LinksCommand implements Runnable {
    static final int DEFAULT_DAYS = 30;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Opens the links of the data directory, runs {@code work}, closes everything. */
    static <T> T withLinks(CliEnvironment env, java.util.function.Function<FormLinks, T> work) throws Exception {
        Path dir = DataDirectory.requireExisting(env);
        Clock clock = Clock.systemUTC();
        SecureRandom random = new SecureRandom();
        Keys keys = new Keys(dir, random, clock);
        KeyState state = keys.state();
        if (state.readiness() != KeyState.Readiness.INTAKE_ONLY) {
            throw new UserFacingException("The data directory " + dir + " has no usable keys ("
                    + KeysStatusCommand.describe(state.readiness()) + "). Nothing was changed.");
        }
        Pseudonyms pseudonyms;
        try (ServerSecret secret = keys.serverSecret()) {
            pseudonyms = new Pseudonyms(secret);
        }
        try (pseudonyms; Database db = Database.open(dir)) {
            return work.apply(new FormLinks(db, pseudonyms, random, clock));
        }
    }

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = {"Make N one-time links and print them, one a line. Each sends one testimony; "
                    + "only a keyed hash of each is kept, so this output is the only copy of the links.",
                    "Needs GAWAHI_PUBLIC_URL, the address the bot serves the form at."})
    static final class Create implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "N", description = "how many links (1 to " + FormLinks.MAX_AT_ONCE + ")")
        int count;

        @Option(names = "--days", paramLabel = "D", description = "days until they expire (1 to 365; default "
                + DEFAULT_DAYS + "), rounded up to the hour")
        int days = DEFAULT_DAYS;

        @Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            CliEnvironment env = GawahiCommand.environment(spec);
            URI base = env.variable(SettingsLoader.PUBLIC_URL).map(v -> SettingsLoader.publicUrl(v).orElseThrow(() ->
                    new UserFacingException(SettingsLoader.PUBLIC_URL + " is not a public https:// address (e.g. "
                            + "https://gawahi.example.org); no links were made.")))
                    .orElseThrow(() -> new UserFacingException("Links need the form's public address: set "
                            + SettingsLoader.PUBLIC_URL + " as the bot has it (e.g. https://gawahi.example.org); "
                            + "no links were made."));
            if (count < 1 || count > FormLinks.MAX_AT_ONCE) {
                throw new UserFacingException("Make 1 to " + FormLinks.MAX_AT_ONCE + " links at once; no links were made.");
            }
            if (days < 1 || days > 365) {
                throw new UserFacingException("--days is 1 to 365; no links were made.");
            }
            List<String> tokens = withLinks(env, links -> links.create(count, Duration.ofDays(days)));
            PrintWriter out = spec.commandLine().getOut();
            for (String token : tokens) {
                out.println(base + "/form/#link=" + token);
            }
            out.flush();
            env.err().println("Made " + tokens.size() + " one-time link" + (tokens.size() == 1 ? "" : "s")
                    + ", each good for one testimony for " + days + " day" + (days == 1 ? "" : "s")
                    + ". Only a keyed hash of each is kept: these lines are the only copy.");
            return 0;
        }
    }

    @Command(name = "count", mixinStandardHelpOptions = true,
            description = "How many links can still send a testimony (not used, not expired).")
    static final class Count implements Callable<Integer> {
        @Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            int valid = withLinks(GawahiCommand.environment(spec), FormLinks::countValid);
            spec.commandLine().getOut().println(valid + " unused link" + (valid == 1 ? "" : "s") + " not yet expired.");
            return 0;
        }
    }

    @Command(name = "revoke-all", mixinStandardHelpOptions = true,
            description = "Make every link unusable at once (e.g. when a list of links was lost or taken).")
    static final class RevokeAll implements Callable<Integer> {
        @Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            int revoked = withLinks(GawahiCommand.environment(spec), FormLinks::revokeAll);
            spec.commandLine().getOut().println("Revoked every link (" + revoked + " could still have been used). "
                    + "Testimonies already sent stay.");
            return 0;
        }
    }
}
