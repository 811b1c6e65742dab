package org.gawahi.bot.telegram.emulator;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A {@code multipart/form-data} parser good enough for what OkHttp's {@code MultipartBody} sends:
 * CRLF line ends, a {@code Content-Disposition} header per part, quoted {@code name} and
 * {@code filename} with {@code "}, CR and LF escaped as {@code %22}, {@code %0D}, {@code %0A}.
 */
final class Multipart {
    private static final byte[] CRLF = {'\r', '\n'};
    private static final byte[] HEADER_END = {'\r', '\n', '\r', '\n'};

    record Part(String name, Optional<String> fileName, String contentType, byte[] body) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private Multipart() {
    }

    static Optional<String> boundary(String contentType) {
        for (String param : contentType.split(";")) {
            String trimmed = param.trim();
            if (trimmed.toLowerCase(Locale.ROOT).startsWith("boundary=")) {
                return Optional.of(unquote(trimmed.substring("boundary=".length())));
            }
        }
        return Optional.empty();
    }

    static List<Part> parse(byte[] body, String boundary) throws ApiError {
        byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        byte[] innerDelimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        int start = indexOf(body, delimiter, 0);
        if (start < 0) {
            throw ApiError.badRequest("multipart body without boundary");
        }
        List<Part> parts = new ArrayList<>();
        int position = start + delimiter.length;
        while (!startsWith(body, position, new byte[] {'-', '-'})) {
            if (!startsWith(body, position, CRLF)) {
                throw ApiError.badRequest("malformed multipart body");
            }
            int headersStart = position + CRLF.length;
            int headersEnd = indexOf(body, HEADER_END, headersStart);
            int contentEnd = headersEnd < 0 ? -1 : indexOf(body, innerDelimiter, headersEnd + HEADER_END.length);
            if (contentEnd < 0) {
                throw ApiError.badRequest("truncated multipart body");
            }
            String headers = new String(body, headersStart, headersEnd - headersStart, StandardCharsets.UTF_8);
            byte[] content = java.util.Arrays.copyOfRange(body, headersEnd + HEADER_END.length, contentEnd);
            parts.add(part(headers, content));
            position = contentEnd + innerDelimiter.length;
        }
        return parts;
    }

    private static Part part(String headerBlock, byte[] content) throws ApiError {
        Map<String, String> headers = new HashMap<>();
        for (String line : headerBlock.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
            }
        }
        Map<String, String> disposition = dispositionParams(headers.getOrDefault("content-disposition", ""));
        String name = disposition.get("name");
        if (name == null) {
            throw ApiError.badRequest("multipart part without a name");
        }
        return new Part(name, Optional.ofNullable(disposition.get("filename")),
                headers.getOrDefault("content-type", "text/plain"), content);
    }

    /** Parses {@code form-data; name="a"; filename="b"}, honouring quotes that contain ';'. */
    private static Map<String, String> dispositionParams(String value) {
        Map<String, String> params = new HashMap<>();
        int i = value.indexOf(';');
        while (i >= 0 && i < value.length()) {
            int equals = value.indexOf('=', i);
            if (equals < 0) {
                break;
            }
            String key = value.substring(i + 1, equals).trim().toLowerCase(Locale.ROOT);
            int valueStart = equals + 1;
            int end;
            String raw;
            if (valueStart < value.length() && value.charAt(valueStart) == '"') {
                end = value.indexOf('"', valueStart + 1);
                end = end < 0 ? value.length() : end;
                raw = value.substring(valueStart + 1, end);
                end = value.indexOf(';', end);
            } else {
                end = value.indexOf(';', valueStart);
                raw = value.substring(valueStart, end < 0 ? value.length() : end).trim();
            }
            params.put(key, raw.replace("%22", "\"").replace("%0D", "\r").replace("%0A", "\n"));
            i = end;
        }
        return params;
    }

    private static String unquote(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                ? value.substring(1, value.length() - 1) : value;
    }

    private static boolean startsWith(byte[] data, int at, byte[] prefix) {
        if (at + prefix.length > data.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (data[at + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(byte[] data, byte[] pattern, int from) {
        for (int i = Math.max(from, 0); i <= data.length - pattern.length; i++) {
            if (startsWith(data, i, pattern)) {
                return i;
            }
        }
        return -1;
    }
}
