package org.gawahi.storage.crypto;

/** Whether new records are sealed to a key, or it is kept only to open older ones. */
public enum KeyStatus {
    ACTIVE,
    /** Superseded by a rotation; still opens the records sealed to it until they are re-sealed. */
    RETIRED
}
