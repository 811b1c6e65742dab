package org.gawahi.bot.wiring;

import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import org.gawahi.bot.form.FormApi;
import org.gawahi.bot.form.FormError;
import org.gawahi.bot.form.FormPage;
import org.gawahi.bot.form.FormResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The sealed form's endpoints: HTTP in, {@link FormPage} and {@link FormApi} decide. Every
 * answer, errors included, carries {@link FormResponse#HEADERS}. Without GAWAHI_PUBLIC_URL there
 * is no form and everything under /form is not found. Bodies are handed over as the container's
 * stream, read no further than the API's limit.
 */
@RestController
class FormController {
    static final String PATH = "/form";

    private final Optional<FormApi> api;
    private final FormPage page;

    FormController(Optional<FormApi> api, FormPage page) {
        this.api = Objects.requireNonNull(api, "api");
        this.page = Objects.requireNonNull(page, "page");
    }

    @GetMapping({PATH + "/", PATH + "/{name:[a-z]+\\.[a-z]+}"})
    ResponseEntity<byte[]> asset(@PathVariable(name = "name", required = false) String name) {
        if (api.isEmpty()) {
            return answer(FormResponse.errorOf(FormError.NOT_FOUND));
        }
        return answer(page.asset(name).orElseGet(() -> FormResponse.errorOf(FormError.NOT_FOUND)));
    }

    @PostMapping(PATH + "/api/open")
    ResponseEntity<byte[]> open(HttpServletRequest request) {
        return call(request, FormApi::open);
    }

    @PostMapping(PATH + "/api/submit")
    ResponseEntity<byte[]> submit(HttpServletRequest request) {
        return call(request, FormApi::submit);
    }

    /** Anything else under /form: not found, with the form's headers. */
    @RequestMapping(PATH + "/**")
    ResponseEntity<byte[]> elsewhere() {
        return answer(FormResponse.errorOf(FormError.NOT_FOUND));
    }

    private ResponseEntity<byte[]> call(HttpServletRequest request, Handler handler) {
        if (api.isEmpty()) {
            return answer(FormResponse.errorOf(FormError.NOT_FOUND));
        }
        InputStream body;
        try {
            body = request.getInputStream();
        } catch (IOException e) {
            return answer(FormResponse.errorOf(FormError.BAD_RECORD));
        }
        return answer(handler.handle(api.get(), request.getContentLengthLong(), body));
    }

    private static ResponseEntity<byte[]> answer(FormResponse response) {
        HttpHeaders headers = new HttpHeaders();
        FormResponse.HEADERS.forEach(headers::set);
        headers.set(HttpHeaders.CONTENT_TYPE, response.contentType());
        return ResponseEntity.status(response.status()).headers(headers).body(response.body());
    }

    @FunctionalInterface
    private interface Handler {
        FormResponse handle(FormApi api, long contentLength, InputStream body);
    }
}
