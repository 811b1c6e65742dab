package org.gawahi.storage.crypto;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The layout of {@code <data>/keys/}: {@code collective-<keyId>.key},
 * {@code signing-<keyId>.key} and {@code server.secret}. Reads and checks files, writes new
 * ones privately and atomically, and turns every I/O problem into a
 * {@link KeyFileException} that names the file.
 */
final class KeyDirectory {
    private static final String SERVER_SECRET = "server.secret";
    private static final String SUFFIX = ".key";
    /** Key files are about 700 bytes; anything far larger is not one of ours. */
    private static final long MAX_FILE_BYTES = 64 * 1024;

    private final Path keysDir;

    KeyDirectory(Path dataDir) {
        this.keysDir = dataDir.resolve("keys");
    }

    Path keysDir() {
        return keysDir;
    }

    Path keyPath(KeyKind kind, String keyId) {
        return keysDir.resolve(kind.fileName(keyId));
    }

    Path serverSecretPath() {
        return keysDir.resolve(SERVER_SECRET);
    }

    /**
     * All key files of a kind, the active one (highest generation) first. A file whose id is a
     * fingerprint must hold the public key of that fingerprint, or none of them is returned.
     */
    List<KeyFile> read(KeyKind kind) throws KeyFileException {
        List<KeyFile> files = new ArrayList<>();
        if (!Files.isDirectory(keysDir)) {
            return files;
        }
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(keysDir, kind.prefix + "-*" + SUFFIX)) {
            for (Path path : stream) {
                String name = path.getFileName().toString();
                String keyId = name.substring(kind.prefix.length() + 1, name.length() - SUFFIX.length());
                KeyFile file = KeyFileCodec.decode(path, kind, readSmall(path, kind.description));
                if (!file.keyId().equals(keyId)) {
                    throw KeyFileException.damaged(path, kind.description);
                }
                if (KeyIds.isFingerprint(keyId) && !file.fingerprint().digits().equals(keyId)) {
                    throw KeyFileException.notItsFingerprint(path, kind.description, file.fingerprint().grouped());
                }
                files.add(file);
            }
        } catch (IOException e) {
            throw KeyFileException.unreadable(keysDir, "key directory", e);
        }
        files.sort(Comparator.comparingInt(KeyFile::generation).reversed().thenComparing(KeyFile::keyId));
        return files;
    }

    Optional<KeyFile> active(KeyKind kind) throws KeyFileException {
        return read(kind).stream().findFirst();
    }

    void write(KeyFile file) throws KeyFileException {
        writeNew(keyPath(file.kind(), file.keyId()), KeyFileCodec.encode(file), file.kind().description);
    }

    boolean serverSecretExists() {
        return Files.exists(serverSecretPath());
    }

    void writeServerSecret(ServerSecret secret) throws KeyFileException {
        byte[] content = secret.encode();
        try {
            writeNew(serverSecretPath(), content, "server secret");
        } finally {
            Bytes.wipe(content);
        }
    }

    ServerSecret readServerSecret() throws KeyFileException {
        Path path = serverSecretPath();
        return ServerSecret.decode(path, readSmall(path, "server secret"));
    }

    void delete(KeyKind kind, String keyId) throws KeyFileException {
        Path path = keyPath(kind, keyId);
        try {
            Files.delete(path);
        } catch (NoSuchFileException e) {
            throw KeyFileException.missing(path, kind.description);
        } catch (IOException e) {
            throw KeyFileException.unreadable(path, kind.description, e);
        }
    }

    private void writeNew(Path path, byte[] content, String what) throws KeyFileException {
        try {
            PrivateFiles.createPrivateDirectory(keysDir);
            PrivateFiles.writeNew(path, content);
        } catch (FileAlreadyExistsException e) {
            throw new KeyFileException(path, what + " file " + path + " already exists; refusing to overwrite it");
        } catch (IOException e) {
            throw KeyFileException.unreadable(path, what, e);
        }
    }

    private static byte[] readSmall(Path path, String what) throws KeyFileException {
        try {
            if (Files.size(path) > MAX_FILE_BYTES) {
                throw KeyFileException.damaged(path, what);
            }
            return Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            throw KeyFileException.missing(path, what);
        } catch (IOException e) {
            throw KeyFileException.unreadable(path, what, e);
        }
    }
}
