package dev.notionconsole.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import dev.notionconsole.core.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Raw HTTP against a running sandbox, with full control over headers (tests need to omit Notion-Version etc.). */
final class SandboxClient {
    static final String LATEST = "2026-03-11";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String baseUrl;

    SandboxClient(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** A response with its parsed JSON body (null when not JSON). */
    record Reply(int status, JsonNode json, String body, HttpResponse<String> raw) {
        String code() {
            return json == null ? null : json.path("code").asText(null);
        }

        String message() {
            return json == null ? null : json.path("message").asText(null);
        }

        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    Reply send(String method, String path, String token, String version, String body) {
        return send(method, path, token, version, body == null ? null : "application/json",
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    }

    /** Any body with any Content-Type (null: no Content-Type header), e.g. a multipart upload. */
    Reply send(String method, String path, String token, String version, String contentType, HttpRequest.BodyPublisher body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (version != null) {
            b.header("Notion-Version", version);
        }
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        b.method(method, body);
        try {
            HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode json = null;
            try {
                json = r.body().isEmpty() ? null : Json.mapper().readTree(r.body());
            } catch (IOException e) {
                json = null;
            }
            return new Reply(r.statusCode(), json, r.body(), r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** POST /v1/file_uploads/{id}/send with a multipart/form-data body. */
    Reply sendForm(String uploadId, String token, Multipart form) {
        return send("POST", "/v1/file_uploads/" + uploadId + "/send", token, LATEST, form.contentType(), form.publisher());
    }

    Reply get(String path, String token) {
        return send("GET", path, token, LATEST, null);
    }

    Reply get(String path, String token, String version) {
        return send("GET", path, token, version, null);
    }

    Reply post(String path, String token, String body) {
        return send("POST", path, token, LATEST, body);
    }

    Reply post(String path, String token, String version, String body) {
        return send("POST", path, token, version, body);
    }

    Reply patch(String path, String token, String body) {
        return send("PATCH", path, token, LATEST, body);
    }

    Reply patch(String path, String token, String version, String body) {
        return send("PATCH", path, token, version, body);
    }

    Reply delete(String path, String token) {
        return send("DELETE", path, token, LATEST, null);
    }
}
