package org.gawahi.bot.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Set;

/** Where Gawahi keeps its database and keys: {@code GAWAHI_DATA_DIR}, by default {@code ./data}. */
final class DataDirectory {
    static final String VARIABLE = "GAWAHI_DATA_DIR";
    static final String DEFAULT = "data";
    static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> GROUP_OR_OTHER = Set.of(
            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    private DataDirectory() {
    }

    static Path resolve(CliEnvironment env) {
        return env.variable(VARIABLE).map(env.workingDirectory()::resolve)
                .orElse(env.workingDirectory().resolve(DEFAULT)).normalize();
    }

    static boolean isChosen(CliEnvironment env) {
        return env.variable(VARIABLE).isPresent();
    }

    /** The data directory, which must exist already. */
    static Path requireExisting(CliEnvironment env) {
        Path dir = resolve(env);
        if (!Files.isDirectory(dir)) {
            throw new UserFacingException("The data directory " + dir + " does not exist. Run `gawahi keys init` "
                    + "to create it with new keys, or set " + VARIABLE + " to the directory that holds your "
                    + "database and keys.");
        }
        return dir;
    }

    /** Creates the directory readable by its owner only (mode 700) if it is missing. */
    static void createPrivate(Path dir) {
        if (Files.isDirectory(dir)) {
            return;
        }
        try {
            Files.createDirectories(dir.toAbsolutePath().getParent());
            if (posixPermissions(dir.toAbsolutePath().getParent()).isPresent()) {
                Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
                Files.setPosixFilePermissions(dir, OWNER_ONLY); // the umask may have narrowed the attribute
            } else {
                Files.createDirectory(dir);
            }
        } catch (IOException e) {
            throw new UserFacingException("Cannot create the data directory " + dir + " (" + e.getClass().getSimpleName()
                    + "). Check that its parent exists and is writable and that the disk has space, or set "
                    + VARIABLE + " to another place.", e);
        }
    }

    /** Whether anyone but the owner may read, write or enter. */
    static boolean openToOthers(Set<PosixFilePermission> permissions) {
        return permissions.stream().anyMatch(GROUP_OR_OTHER::contains);
    }

    /** The POSIX permissions of a path, where the file system has them. */
    static Optional<Set<PosixFilePermission>> posixPermissions(Path path) {
        if (Files.getFileAttributeView(path, PosixFileAttributeView.class) == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.getPosixFilePermissions(path));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
