package org.gawahi.bot.cli;

import java.io.IOException;
import java.util.Optional;

import org.gawahi.config.questionnaire.QuestionnaireException;
import org.gawahi.storage.crypto.CannotOpenException;
import org.gawahi.storage.crypto.KeyFileException;
import org.gawahi.storage.crypto.KeysExistException;
import org.gawahi.storage.crypto.WrongPassphraseException;
import org.gawahi.storage.db.StorageException;
import org.gawahi.storage.testimony.Submissions;

/**
 * The words for every failure an operator can meet and fix: what is wrong, and what to do.
 * The storage and vault messages already name the file and the fix; this adds what they
 * cannot know (that nothing was changed, where the passphrase came from). Never key
 * material or content: none of these messages carry any.
 */
final class Failures {
    private Failures() {
    }

    static Optional<String> explain(Throwable e) {
        if (e instanceof UserFacingException || e instanceof QuestionnaireException || e instanceof KeysExistException) {
            return Optional.of(sentence(e.getMessage()));
        }
        if (e instanceof WrongPassphraseException) {
            return Optional.of("The passphrase does not open the collective key. Check " + Passphrases.VARIABLE
                    + " (or what you typed) and try again; nothing was changed. If you are sure of it, compare the "
                    + "key's fingerprint (`gawahi keys status`) with the one you wrote down: a key file put in its "
                    + "place by someone else reads the same way.");
        }
        if (e instanceof KeyFileException k) {
            String fix = k.getCause() instanceof IOException
                    ? " Check that the disk is mounted writable and has space, and that this user may read and write "
                      + k.file() + "."
                    : "";
            return Optional.of(sentence(k.getMessage()) + fix + " Nothing was changed.");
        }
        if (e instanceof CannotOpenException) {
            return Optional.of("A sealed record did not open (" + e.getMessage() + "): it was damaged or tampered with, "
                    + "or it is sealed to a key that is not in the keys directory. Restore the database or the keys "
                    + "from a backup; nothing was changed.");
        }
        if (e instanceof StorageException) {
            return Optional.of(sentence(e.getMessage()));
        }
        if (e instanceof Submissions.StorageFailure f) {
            return Optional.of(sentence(f.getMessage()) + (f.getCause() == null ? "" : ": " + f.getCause().getMessage()));
        }
        return Optional.empty();
    }

    /** Capital first letter, full stop at the end. */
    private static String sentence(String message) {
        String m = message == null ? "" : message.strip();
        if (m.isEmpty()) {
            return m;
        }
        m = Character.toUpperCase(m.charAt(0)) + m.substring(1);
        return m.endsWith(".") ? m : m + ".";
    }
}
