package org.gawahi.bot.cli;

import java.io.PrintWriter;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Callable;

import org.gawahi.bot.reports.ReportSignature;
import org.gawahi.storage.crypto.KeyFileException;
import org.gawahi.storage.crypto.KeyInfo;
import org.gawahi.storage.crypto.Keys;
import org.gawahi.storage.crypto.WrongPassphraseException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

/** {@code report-key create|show}: the Ed25519 key reports are signed with, and what to publish of it. */
@Command(name = "report-key", mixinStandardHelpOptions = true,
        description = "Make the report signing key, or show its public half and fingerprint to publish.",
        subcommands = {ReportKeyCommand.Create.class, ReportKeyCommand.Show.class})
final class ReportKeyCommand implements Runnable {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Make a new report signing key, wrapped by the collective's passphrase (GAWAHI_PASSPHRASE or asked).")
    static final class Create implements Callable<Integer> {
        @Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            CliEnvironment env = GawahiCommand.environment(spec);
            Keys keys = new Keys(DataDirectory.requireExisting(env), new SecureRandom(), java.time.Clock.systemUTC());
            try {
                KeyInfo info = keys.newSigningKey(Passphrases.read(env), Argon2Choice.from(env, env.err()));
                byte[] publicKey = keys.signingPublicKey(info.keyId());
                show(spec.commandLine().getOut(), info.keyId(), publicKey);
                return 0;
            } catch (WrongPassphraseException e) {
                throw new UserFacingException("The passphrase does not open the collective key; no signing key was made.", e);
            } catch (KeyFileException e) {
                throw new UserFacingException(e.getMessage(), e);
            }
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Print the public report keys; no passphrase needed.")
    static final class Show implements Callable<Integer> {
        @Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            CliEnvironment env = GawahiCommand.environment(spec);
            Keys keys = new Keys(DataDirectory.requireExisting(env), new SecureRandom(), java.time.Clock.systemUTC());
            try {
                List<KeyInfo> signing = keys.state().signingKeys();
                if (signing.isEmpty()) {
                    throw new UserFacingException("There is no report signing key yet: make one with `gawahi report-key create`.");
                }
                for (KeyInfo info : signing) {
                    show(spec.commandLine().getOut(), info.keyId() + " (" + info.status().name().toLowerCase(java.util.Locale.ROOT)
                            + ")", keys.signingPublicKey(info.keyId()));
                }
                return 0;
            } catch (KeyFileException e) {
                throw new UserFacingException(e.getMessage(), e);
            }
        }
    }

    static void show(PrintWriter out, String keyId, byte[] publicKey) {
        out.println("report signing key " + keyId);
        out.println("  public key:  " + Base64.getEncoder().encodeToString(publicKey));
        out.println("  fingerprint: " + ReportSignature.fingerprint(publicKey));
        out.println("Publish the fingerprint where readers of your reports can find it; "
                + "`gawahi verify-report FILE --public-key KEY` checks a report against it.");
    }
}
