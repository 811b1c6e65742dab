package org.gawahi.bot.reviewapp;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The review page and its bundle, read once from the class path ({@value #RESOURCES}):
 * index.html, review.js, review.css and nothing else.
 */
public final class ReviewPage {
    static final String RESOURCES = "org/gawahi/bot/reviewapp/page/";
    private static final Map<String, String> TYPES = Map.of(
            "index.html", "text/html; charset=utf-8",
            "review.js", "text/javascript; charset=utf-8",
            "review.css", "text/css; charset=utf-8");

    private final Map<String, ReviewResponse> assets = new HashMap<>();

    public ReviewPage() {
        ClassLoader loader = ReviewPage.class.getClassLoader();
        TYPES.forEach((name, type) -> read(loader, RESOURCES + name)
                .ifPresent(bytes -> assets.put(name, new ReviewResponse(200, type, bytes))));
    }

    /** The asset by its name under /review/ ("" is index.html); empty when there is none. */
    public Optional<ReviewResponse> asset(String name) {
        return Optional.ofNullable(assets.get(name == null || name.isEmpty() ? "index.html" : name));
    }

    private static Optional<byte[]> read(ClassLoader loader, String resource) {
        try (InputStream in = loader.getResourceAsStream(resource)) {
            return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
