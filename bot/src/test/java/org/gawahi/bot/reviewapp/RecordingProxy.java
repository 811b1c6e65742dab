package org.gawahi.bot.reviewapp;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpServer;

/**
 * Stands between the bot and the Bot API emulator and keeps every request exactly as the bot
 * sent it (method path and body bytes): what Telegram would receive. The emulator keeps only
 * the method of each call; the proof needs the words.
 */
final class RecordingProxy implements AutoCloseable {
    /** One call as the bot sent it. */
    record Call(String path, String body) {
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final HttpClient client = HttpClient.newHttpClient();
    private final List<Call> calls = new CopyOnWriteArrayList<>();

    RecordingProxy(String target) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(executor);
        server.createContext("/", exchange -> {
            try (exchange) {
                byte[] body;
                try (InputStream in = exchange.getRequestBody()) {
                    body = in.readAllBytes();
                }
                String path = exchange.getRequestURI().toString();
                calls.add(new Call(path, new String(body, StandardCharsets.UTF_8)));
                HttpRequest.Builder forward = HttpRequest.newBuilder(URI.create(target + path))
                        .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
                String type = exchange.getRequestHeaders().getFirst("Content-Type");
                if (type != null) {
                    forward.header("Content-Type", type);
                }
                HttpResponse<byte[]> response = client.send(forward.build(), HttpResponse.BodyHandlers.ofByteArray());
                response.headers().firstValue("Content-Type")
                        .ifPresent(t -> exchange.getResponseHeaders().set("Content-Type", t));
                exchange.sendResponseHeaders(response.statusCode(), response.body().length == 0 ? -1 : response.body().length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(response.body());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    List<Call> calls() {
        return List.copyOf(calls);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
