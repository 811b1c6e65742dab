package org.gawahi.bot.telegram.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The HTTP side: {@code /bot<token>/<method>} (and {@code /bot<token>/test/<method>}), the token
 * check, faults, the call, the reply and the request log.
 */
final class HttpEndpoint implements HttpHandler {
    private static final int MAX_BODY_BYTES = 60 * 1024 * 1024;

    private record Call(String token, String method) {
    }

    private final String token;
    private final ApiMethod.Table methods;
    private final Faults faults;
    private final RequestLog log;
    private final ObjectMapper mapper;
    private final Clock clock;

    HttpEndpoint(String token, ApiMethod.Table methods, Faults faults, RequestLog log, ObjectMapper mapper,
                 Clock clock) {
        this.token = token;
        this.methods = methods;
        this.faults = faults;
        this.log = log;
        this.mapper = mapper;
        this.clock = clock;
    }

    @Override
    public void handle(HttpExchange exchange) {
        long sequence = log.nextSequence();
        Instant receivedAt = clock.instant();
        try {
            serve(exchange, sequence, receivedAt);
        } catch (IOException e) {
            // The client went away (or timed out) before the reply: nothing more to do.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            // An emulator bug: say so loudly rather than look like a dropped connection.
            e.printStackTrace();
            replyQuietly(exchange, sequence, receivedAt);
        } finally {
            exchange.close();
        }
    }

    private void serve(HttpExchange exchange, long sequence, Instant receivedAt)
            throws IOException, InterruptedException {
        Optional<Call> call = parsePath(exchange.getRequestURI().getPath());
        byte[] body = exchange.getRequestBody().readNBytes(MAX_BODY_BYTES + 1);
        log.body(body, exchange.getRequestURI().getRawQuery());
        String method = call.map(Call::method).orElse("");
        if (call.isEmpty()) {
            reply(exchange, ApiError.notFound(), new Logged(sequence, method, receivedAt, Optional.empty()));
            return;
        }
        if (!call.get().token().equals(token)) {
            reply(exchange, ApiError.unauthorized(), new Logged(sequence, method, receivedAt, Optional.empty()));
            return;
        }
        RequestParams params = RequestParams.empty(mapper);
        Optional<ApiError> unreadable = Optional.empty();
        try {
            if (body.length > MAX_BODY_BYTES) {
                throw ApiError.badRequest("request entity too large");
            }
            params = RequestParams.parse(exchange.getRequestHeaders().getFirst("Content-Type"), body,
                    exchange.getRequestURI().getRawQuery(), mapper);
        } catch (ApiError e) {
            unreadable = Optional.of(e);
        }
        Logged logged = new Logged(sequence, method, receivedAt, params.chatIdIfAny());
        Optional<Faults.Fault> fault = faults.next(method, params.chatIdIfAny());
        Duration delay = faults.delayFor(method);
        if (!delay.isZero()) {
            Thread.sleep(delay.toMillis());
        }
        if (fault.isPresent() && replacesCall(fault.get(), exchange, logged)) {
            return;
        }
        if (unreadable.isPresent()) {
            reply(exchange, unreadable.get(), logged);
            return;
        }
        JsonNode result;
        try {
            result = methods.find(method).orElseThrow(ApiError::notFound).call(params);
        } catch (ApiError e) {
            reply(exchange, e, logged);
            return;
        }
        Optional<Faults.Kind> after = fault.map(Faults.Fault::kind);
        if (after.equals(Optional.of(Faults.Kind.DROP_RESPONSE))) {
            drop(exchange, logged);
            return;
        }
        ObjectNode success = mapper.createObjectNode();
        if (!after.equals(Optional.of(Faults.Kind.OMIT_OK))) {
            success.put("ok", true);
        }
        success.set("result", result);
        send(exchange, 200, success, logged);
    }

    /** Applies a fault that stands in for the call; false when the call must still run. */
    private boolean replacesCall(Faults.Fault fault, HttpExchange exchange, Logged logged) throws IOException {
        switch (fault.kind()) {
            case TOO_MANY_REQUESTS:
                reply(exchange, ApiError.tooManyRequests(fault.retryAfterSeconds()), logged);
                return true;
            case SERVER_ERROR:
                reply(exchange, ApiError.internal(), logged);
                return true;
            case DROP_REQUEST:
                drop(exchange, logged);
                return true;
            default:
                return false;
        }
    }

    /**
     * Closing an exchange before its response headers are sent makes the JDK server close the
     * TCP connection: the client reads end-of-stream where it expected a status line.
     */
    private void drop(HttpExchange exchange, Logged logged) {
        logged.record(log, 0);
        exchange.close();
    }

    private void replyQuietly(HttpExchange exchange, long sequence, Instant receivedAt) {
        try {
            reply(exchange, ApiError.internal(), new Logged(sequence, "?", receivedAt, Optional.empty()));
        } catch (IOException | RuntimeException e) {
            // Headers may already be out; the connection closes with the exchange.
        }
    }

    private void reply(HttpExchange exchange, ApiError error, Logged logged) throws IOException {
        send(exchange, error.code(), error.toJson(mapper), logged);
    }

    private void send(HttpExchange exchange, int status, JsonNode body, Logged logged) throws IOException {
        logged.record(log, status);
        byte[] bytes = mapper.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static Optional<Call> parsePath(String path) {
        if (path == null || !path.startsWith("/bot")) {
            return Optional.empty();
        }
        String rest = path.substring("/bot".length());
        int slash = rest.indexOf('/');
        if (slash <= 0) {
            return Optional.empty();
        }
        String method = rest.substring(slash + 1);
        if (method.startsWith("test/")) {
            method = method.substring("test/".length());
        }
        if (method.isEmpty() || method.contains("/")) {
            return Optional.empty();
        }
        return Optional.of(new Call(rest.substring(0, slash), method));
    }

    private record Logged(long sequence, String method, Instant receivedAt, Optional<Long> chatId) {
        void record(RequestLog log, int status) {
            log.record(new RecordedRequest(sequence, method, receivedAt, chatId, status));
        }
    }
}
