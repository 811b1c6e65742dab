package org.gawahi.bot.telegram.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;

/** getUpdates and the webhook methods; no update is ever POSTed to a webhook. */
final class UpdateMethods {
    private static final Pattern SECRET = Pattern.compile("[A-Za-z0-9_-]{1,256}");
    private static final Set<Integer> WEBHOOK_PORTS = Set.of(80, 88, 443, 8443);
    private static final int MAX_LIMIT = 100;
    private static final int MAX_TIMEOUT_SECONDS = 50;

    private final UpdateQueue queue;
    private final AtomicReference<Optional<Webhook>> webhook;
    private final WireJson wire;
    private final Faults faults;

    UpdateMethods(UpdateQueue queue, AtomicReference<Optional<Webhook>> webhook, WireJson wire, Faults faults) {
        this.faults = faults;
        this.queue = queue;
        this.webhook = webhook;
        this.wire = wire;
    }

    void register(ApiMethod.Table table) {
        table.add("getUpdates", this::getUpdates)
                .add("setWebhook", this::setWebhook)
                .add("deleteWebhook", this::deleteWebhook)
                .add("getWebhookInfo", params -> webhookInfo());
    }

    private JsonNode getUpdates(RequestParams params) throws ApiError, InterruptedException {
        if (webhook.get().isPresent()) {
            throw ApiError.conflict(
                    "can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first");
        }
        int limit = (int) Math.max(1, Math.min(MAX_LIMIT, params.number("limit").orElse((long) MAX_LIMIT)));
        long timeout = faults.answerPollsAtOnce() ? 0
                : Math.max(0, Math.min(MAX_TIMEOUT_SECONDS, params.number("timeout").orElse(0L)));
        Optional<Set<String>> allowed = params.json("allowed_updates").map(UpdateMethods::strings)
                .map(LinkedHashSet::new);
        List<ObjectNode> updates = queue.poll(params.number("offset"), limit, Duration.ofSeconds(timeout), allowed);
        ArrayNode result = wire.mapper().createArrayNode();
        updates.forEach(update -> result.add(update.deepCopy()));
        return result;
    }

    private JsonNode setWebhook(RequestParams params) throws ApiError {
        String url = params.text("url").orElse("");
        if (url.isEmpty()) {
            webhook.set(Optional.empty());
            dropPendingIfAsked(params);
            return BooleanNode.TRUE;
        }
        checkUrl(url);
        Optional<String> secret = params.text("secret_token");
        if (secret.isPresent() && !SECRET.matcher(secret.get()).matches()) {
            throw ApiError.badRequest(secret.get().length() > 256 || secret.get().isEmpty()
                    ? "secret token length must be between 1 and 256" : "secret token contains unallowed characters");
        }
        long maxConnections = params.number("max_connections").orElse(40L);
        if (maxConnections < 1 || maxConnections > 100) {
            throw ApiError.badRequest("max_connections must be between 1 and 100");
        }
        List<String> allowed = params.json("allowed_updates").map(UpdateMethods::strings).orElse(List.of());
        webhook.set(Optional.of(new Webhook(url, secret, allowed, (int) maxConnections)));
        dropPendingIfAsked(params);
        return BooleanNode.TRUE;
    }

    private JsonNode deleteWebhook(RequestParams params) {
        webhook.set(Optional.empty());
        dropPendingIfAsked(params);
        return BooleanNode.TRUE;
    }

    private JsonNode webhookInfo() {
        ObjectNode info = wire.mapper().createObjectNode();
        Optional<Webhook> current = webhook.get();
        info.put("url", current.map(Webhook::url).orElse(""));
        info.put("has_custom_certificate", false);
        info.put("pending_update_count", queue.pendingCount());
        current.ifPresent(hook -> {
            info.put("max_connections", hook.maxConnections());
            if (!hook.allowedUpdates().isEmpty()) {
                ArrayNode allowed = info.putArray("allowed_updates");
                hook.allowedUpdates().forEach(allowed::add);
            }
        });
        return info;
    }

    private void dropPendingIfAsked(RequestParams params) {
        if (params.flag("drop_pending_updates")) {
            queue.dropPending();
        }
    }

    /** Telegram takes only HTTPS webhooks on ports 80, 88, 443 and 8443. */
    private static void checkUrl(String url) throws ApiError {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw ApiError.badRequest("bad webhook: invalid URL");
        }
        if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
            throw ApiError.badRequest("bad webhook: An HTTPS URL must be provided for webhook");
        }
        int port = uri.getPort() == -1 ? 443 : uri.getPort();
        if (!WEBHOOK_PORTS.contains(port)) {
            throw ApiError.badRequest("bad webhook: Webhook can be set up only on ports 80, 88, 443 or 8443");
        }
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }
}
