package org.gawahi.storage.crypto;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.gawahi.config.settings.KeyFingerprint;
import org.gawahi.config.settings.SettingsLoader;

/**
 * Which collective key the running bot may seal new testimonies to, if any. Whoever had the
 * disk can add or swap key files; the bot must not then seal to their key. So the newest key
 * is taken only when something the disk alone does not give vouches for it:
 * <ul>
 *   <li>the pin ({@code GAWAHI_KEY_FINGERPRINT}): the newest key must have that fingerprint;</li>
 *   <li>or the passphrase: the bot was started unlocked, and {@link Keys#unlock} opened every
 *       key file with it and checked each private key against its public key;</li>
 *   <li>or, intake-only and unpinned, it is the only collective key on disk (a finished
 *       rotation leaves one; a second key is an interrupted rotation or an added key, and
 *       nothing on the disk tells which). This is the weakest case: a complete replacement
 *       of the keys directory passes it, which is why pinning is advised.</li>
 * </ul>
 * Two keys claiming the same newest generation are never taken: a rotation makes one newer key.
 * Every refusal is a {@link KeyFileException} that names the file and what to do.
 */
final class IntakeKey {
    private static final String PIN = SettingsLoader.KEY_FINGERPRINT;
    private static final String STOPPED = "; no testimony is taken until then";

    private final KeyDirectory dir;

    IntakeKey(KeyDirectory dir) {
        this.dir = dir;
    }

    KeyFile choose(Optional<KeyFingerprint> pin, Optional<Opener> unlocked) throws KeyFileException {
        List<KeyFile> files = dir.read(KeyKind.COLLECTIVE);
        if (files.isEmpty()) {
            throw KeyFileException.none(dir.keysDir(), "collective key");
        }
        KeyFile newest = files.get(0);
        if (files.size() > 1 && files.get(1).generation() == newest.generation()) {
            throw new KeyFileException(path(files.get(1)), "collective key files " + path(newest).getFileName()
                    + " and " + path(files.get(1)).getFileName() + " in " + dir.keysDir() + " both claim to be the "
                    + "newest (generation " + newest.generation() + "), but a rotation makes one newer key, so one "
                    + "was added: compare their fingerprints (`gawahi keys status`) with yours and move the other "
                    + "out of the keys directory" + STOPPED);
        }
        if (pin.isPresent()) {
            return pinned(files, newest, pin.get());
        }
        if (unlocked.isPresent()) {
            if (unlocked.get() instanceof HpkeOpener opener && opener.holds(newest.keyId(), newest.publicKey())) {
                return newest;
            }
            throw new KeyFileException(path(newest), "collective key file " + path(newest) + " is not one the "
                    + "passphrase opened at start: it was added or changed while the bot started; restart it"
                    + STOPPED);
        }
        if (files.size() > 1) {
            throw new KeyFileException(path(newest), files.size() + " collective keys in " + dir.keysDir()
                    + ", the newest " + path(newest).getFileName() + " (fingerprint " + newest.fingerprint()
                    + "): a finished `gawahi keys rotate` leaves one, so a rotation was interrupted or someone added "
                    + "a key, and without the passphrase or a pin nothing tells which. Run `gawahi keys rotate` to "
                    + "finish (it checks every key with the passphrase), start the bot with the passphrase, or pin "
                    + "the key you made with " + PIN + STOPPED);
        }
        return newest;
    }

    private KeyFile pinned(List<KeyFile> files, KeyFile newest, KeyFingerprint pin) throws KeyFileException {
        if (newest.fingerprint().equals(pin)) {
            return newest;
        }
        Optional<KeyFile> pinnedFile = files.stream().filter(f -> f.fingerprint().equals(pin)).findFirst();
        if (pinnedFile.isPresent()) {
            throw new KeyFileException(path(newest), "the newest collective key file " + path(newest)
                    + " (fingerprint " + newest.fingerprint() + ") is not the key pinned by " + PIN + " ("
                    + pin.grouped() + ", file " + path(pinnedFile.get()).getFileName() + "): if you rotated, pin "
                    + "the new key; if not, someone added " + path(newest).getFileName() + ", so move it out of "
                    + "the keys directory (keep it as evidence)" + STOPPED);
        }
        throw new KeyFileException(path(newest), "no collective key in " + dir.keysDir() + " has the fingerprint "
                + "pinned by " + PIN + " (" + pin.grouped() + "); the newest, " + path(newest).getFileName()
                + ", has " + newest.fingerprint() + ": the key was replaced, or the pin is mistyped. Restore the "
                + "keys directory from your backup, or correct the pin" + STOPPED);
    }

    private Path path(KeyFile file) {
        return dir.keyPath(file.kind(), file.keyId());
    }
}
