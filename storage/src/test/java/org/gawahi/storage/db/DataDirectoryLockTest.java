package org.gawahi.storage.db;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataDirectoryLockTest {
    @TempDir
    Path data;

    @Test
    void aSecondHolderIsRefusedWithWhatToDo() {
        try (DataDirectoryLock first = DataDirectoryLock.acquire(data)) {
            assertThatThrownBy(() -> DataDirectoryLock.acquire(data))
                    .isInstanceOf(StorageException.class)
                    .hasMessageContaining("Another Gawahi process")
                    .hasMessageContaining("Stop it");
        }
    }

    @Test
    void theLockCanBeTakenAgainOnceReleased() {
        DataDirectoryLock.acquire(data).close();
        DataDirectoryLock.acquire(data).close();
    }

    @Test
    void aMissingDirectoryIsReported() {
        assertThatThrownBy(() -> DataDirectoryLock.acquire(data.resolve("missing")))
                .isInstanceOf(StorageException.class)
                .hasMessageContaining("data directory exists");
    }
}
