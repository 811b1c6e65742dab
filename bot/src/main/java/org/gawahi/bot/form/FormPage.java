package org.gawahi.bot.form;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The page and its bundle, read once from the class path ({@value #RESOURCES}): index.html,
 * form.js, form.css and nothing else. A name not among them, or a bundle not built into this
 * jar, is not found.
 */
public final class FormPage {
    static final String RESOURCES = "org/gawahi/bot/form/page/";
    private static final Map<String, String> TYPES = Map.of(
            "index.html", "text/html; charset=utf-8",
            "form.js", "text/javascript; charset=utf-8",
            "form.css", "text/css; charset=utf-8");

    private final Map<String, FormResponse> assets = new HashMap<>();

    public FormPage() {
        this(FormPage.class.getClassLoader(), RESOURCES);
    }

    FormPage(ClassLoader loader, String folder) {
        TYPES.forEach((name, type) -> read(loader, folder + name)
                .ifPresent(bytes -> assets.put(name, new FormResponse(200, type, bytes))));
    }

    /** The asset by its name under /form/ ("" is index.html); empty when there is none. */
    public Optional<FormResponse> asset(String name) {
        return Optional.ofNullable(assets.get(name == null || name.isEmpty() ? "index.html" : name));
    }

    /** Whether the page was built into this jar at all. */
    public boolean present() {
        return assets.containsKey("index.html");
    }

    private static Optional<byte[]> read(ClassLoader loader, String resource) {
        try (InputStream in = loader.getResourceAsStream(resource)) {
            return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
