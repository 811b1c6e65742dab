package org.gawahi.bot.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.gawahi.bot.reports.ReportSignature;
import org.gawahi.storage.crypto.KeyFileException;
import org.gawahi.storage.crypto.Keys;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code verify-report FILE}: is this report genuine and unaltered? Needs no passphrase: the
 * signature is checked against the collective's public signing key, from the data directory
 * or given with {@code --public-key}; a valid signature by a key known to neither is said so,
 * with its fingerprint to compare with the one the collective publishes.
 */
@Command(name = "verify-report", mixinStandardHelpOptions = true,
        description = {"Check that a report (CSV, JSON, PNG or PDF) is genuine and unaltered, with its FILE.sig.",
                "Exit 0: genuine, signed by a known key of the collective; 3: altered, or not signed by that key; "
                        + "4: signed, but by a key not known here (compare the fingerprint); "
                        + "5: a REHEARSAL (--include-pending), genuine but not for publication."})
final class VerifyReportCommand implements Callable<Integer> {
    static final int NOT_GENUINE = 3;
    /** Signed, unaltered, but a rehearsal: not for publication. */
    static final int REHEARSAL = 5;
    static final int UNKNOWN_KEY = 4;

    @Parameters(index = "0", paramLabel = "FILE", description = "The report file.")
    Path file;

    @Option(names = "--signature", paramLabel = "FILE.sig", description = "Its signature (default: FILE.sig beside it).")
    Path signature;

    @Option(names = "--public-key", paramLabel = "BASE64",
            description = "The collective's public report key, as it publishes it (instead of the data directory's).")
    String publicKey;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "A data directory whose keys/ holds the signing keys (default: GAWAHI_DATA_DIR, else ./data).")
    Path dataDir;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        CliEnvironment env = GawahiCommand.environment(spec);
        file = env.workingDirectory().resolve(file).normalize();
        signature = signature == null ? null : env.workingDirectory().resolve(signature).normalize();
        dataDir = dataDir == null ? DataDirectory.resolve(env) : env.workingDirectory().resolve(dataDir).normalize();
        byte[] report = read(file, "the report");
        Path sigPath = signature != null ? signature : file.resolveSibling(file.getFileName() + ReportSignature.SUFFIX);
        ReportSignature.Parsed parsed = ReportSignature.parse(read(sigPath, "its signature"))
                .orElseThrow(() -> new UserFacingException(sigPath + " is not a Gawahi report signature."));
        PrintWriter out = spec.commandLine().getOut();
        ReportSignature.Verdict verdict = ReportSignature.verdict(parsed, report);
        if (verdict == ReportSignature.Verdict.NOT_GENUINE) {
            out.println("NOT GENUINE: " + file + " was changed after it was signed, or the signature is not its own. "
                    + "Do not rely on it.");
            return NOT_GENUINE;
        }
        String fingerprint = ReportSignature.fingerprint(parsed.publicKey());
        Optional<byte[]> trusted = trustedKey(parsed.keyId());
        if (trusted.isEmpty()) {
            out.println((verdict == ReportSignature.Verdict.REHEARSAL ? "REHEARSAL, not for publication: " : "")
                    + "Signed and unaltered, but by key " + parsed.keyId() + " (fingerprint " + fingerprint
                    + "), which is not known here. It is genuine only if this fingerprint is the one the collective "
                    + "publishes; or run again with --public-key or --data-dir.");
            return UNKNOWN_KEY;
        }
        if (!MessageDigest.isEqual(trusted.get(), parsed.publicKey())) {
            out.println("NOT GENUINE: signed with a key that claims the id " + parsed.keyId()
                    + " but is not the collective's key of that id.");
            return NOT_GENUINE;
        }
        if (verdict == ReportSignature.Verdict.REHEARSAL) {
            out.println("REHEARSAL: " + file.getFileName() + " is unaltered and signed by the collective's report key "
                    + parsed.keyId() + " (fingerprint " + fingerprint + "), as a rehearsal counted on testimonies "
                    + "not yet approved. It is not a report: do not publish or cite it.");
            return REHEARSAL;
        }
        out.println("GENUINE: " + file.getFileName() + " is unaltered and signed by the collective's report key "
                + parsed.keyId() + " (fingerprint " + fingerprint + ").");
        return 0;
    }

    private Optional<byte[]> trustedKey(String keyId) {
        if (publicKey != null) {
            try {
                return Optional.of(Base64.getDecoder().decode(publicKey.strip()));
            } catch (IllegalArgumentException e) {
                throw new UserFacingException("--public-key takes the base64 public key the collective publishes.", e);
            }
        }
        if (dataDir == null || !Files.isDirectory(dataDir.resolve("keys"))) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Keys(dataDir, new java.security.SecureRandom(), java.time.Clock.systemUTC())
                    .signingPublicKey(keyId));
        } catch (KeyFileException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static byte[] read(Path path, String what) {
        try {
            return Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            throw new UserFacingException("Cannot find " + what + ": " + path + " does not exist.", e);
        } catch (IOException e) {
            throw new UserFacingException("Cannot read " + what + " " + path + ": " + e.getMessage(), e);
        }
    }
}
