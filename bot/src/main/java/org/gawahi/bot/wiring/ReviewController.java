package org.gawahi.bot.wiring;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import org.gawahi.bot.reviewapp.ReviewApi;
import org.gawahi.bot.reviewapp.ReviewPage;
import org.gawahi.bot.reviewapp.ReviewResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The moderators' review app: HTTP in, {@link ReviewPage} and {@link ReviewApi} decide. Every
 * answer, errors included, carries the form's no-trace headers. Without GAWAHI_PUBLIC_URL there
 * is no app and everything under /review is not found.
 */
@RestController
class ReviewController {
    static final String PATH = "/review";
    private static final byte[] NOT_FOUND = "{\"error\":\"not_found\"}".getBytes(StandardCharsets.UTF_8);

    private final Optional<ReviewApi> api;
    private final ReviewPage page;

    ReviewController(Optional<ReviewApi> api, ReviewPage page) {
        this.api = Objects.requireNonNull(api, "api");
        this.page = Objects.requireNonNull(page, "page");
    }

    @GetMapping({PATH + "/", PATH + "/{name:[a-z]+\\.[a-z]+}"})
    ResponseEntity<byte[]> asset(@PathVariable(name = "name", required = false) String name) {
        if (api.isEmpty()) {
            return notFound();
        }
        return page.asset(name).map(ReviewController::answer).orElseGet(ReviewController::notFound);
    }

    @PostMapping(PATH + "/api/{call:[a-z]+}")
    ResponseEntity<byte[]> call(@PathVariable("call") String call, HttpServletRequest request) {
        if (api.isEmpty()) {
            return notFound();
        }
        InputStream body;
        try {
            body = request.getInputStream();
        } catch (IOException e) {
            body = InputStream.nullInputStream();
        }
        return answer(api.get().handle(call, request.getContentLengthLong(), body));
    }

    /** Anything else under /review: not found, with the no-trace headers. */
    @RequestMapping(PATH + "/**")
    ResponseEntity<byte[]> elsewhere() {
        return notFound();
    }

    private static ResponseEntity<byte[]> notFound() {
        return answer(new ReviewResponse(404, "application/json", NOT_FOUND));
    }

    private static ResponseEntity<byte[]> answer(ReviewResponse response) {
        HttpHeaders headers = new HttpHeaders();
        ReviewResponse.HEADERS.forEach(headers::set);
        headers.set(HttpHeaders.CONTENT_TYPE, response.contentType());
        return ResponseEntity.status(response.status()).headers(headers).body(response.body());
    }
}
