package org.gawahi.storage.contact;

import java.util.Objects;
import java.util.Optional;

import org.gawahi.storage.crypto.CannotOpenException;
import org.gawahi.storage.crypto.Opener;

/**
 * The port through which review reaches a respondent who asked to be contacted: whether her
 * sealed handle is still there, opening it, and erasing it. {@link #of} puts it over the sealed
 * {@link ContactHandles}; handles are kept by the submission itself.
 */
public interface ContactBook {
    /** Whether the testimony's author left a handle that is still there. */
    boolean exists(String testimonyId);

    /** Opens her handle; empty when there is none. */
    Optional<ContactHandle> open(String testimonyId, Opener opener) throws CannotOpenException;

    /** Erases her handle; true only for the one caller that erased it. */
    boolean erase(String testimonyId);

    /** The book over the sealed handles table. */
    static ContactBook of(ContactHandles handles) {
        Objects.requireNonNull(handles, "handles");
        return new ContactBook() {
            @Override
            public boolean exists(String testimonyId) {
                return handles.exists(testimonyId);
            }

            @Override
            public Optional<ContactHandle> open(String testimonyId, Opener opener) throws CannotOpenException {
                return handles.open(testimonyId, opener);
            }

            @Override
            public boolean erase(String testimonyId) {
                return handles.erase(testimonyId);
            }
        };
    }
}
