package dev.notionconsole.sandbox.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.notionconsole.core.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** Real HTTP against a running sandbox for the ops tests, plus helpers to derive fixtures from the default one. */
final class OpsHttp {
    static final String VERSION = "2026-03-11";
    /** Tokens of the default fixture (fake by design). */
    static final String DOCS_SYNC = "ntn_sandbox_docs_sync_FAKE_TOKEN_0000000000000001";
    static final String WIKI_READER = "ntn_sandbox_wiki_reader_FAKE_TOKEN_000000000002";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String base;

    OpsHttp(String base) {
        this.base = base;
    }

    record Reply(int status, String body, HttpResponse<String> raw) {
        JsonNode json() {
            try {
                return Json.mapper().readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }

        String code() {
            return json().path("code").asText();
        }

        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    Reply send(String method, String path, String token, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20))
                .header("Notion-Version", VERSION);
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        try {
            HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(r.statusCode(), r.body(), r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Reply get(String path, String token) {
        return send("GET", path, token, null);
    }

    /** The default fixture as a mutable tree. */
    static ObjectNode defaultFixture() {
        try (InputStream in = OpsHttp.class.getResourceAsStream("/dev/notionconsole/sandbox/default-fixture.json")) {
            return (ObjectNode) Json.mapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the default fixture plus {@code extra} top-level fields (faults, rate_limits) to a file. */
    static Path fixtureWith(Path dir, String extraJson) throws IOException {
        ObjectNode doc = defaultFixture();
        ObjectNode extra = (ObjectNode) Json.mapper().readTree(extraJson.replace('\'', '"'));
        doc.setAll(extra);
        Path file = dir.resolve("fixture.json");
        Files.write(file, Json.mapper().writeValueAsBytes(doc));
        return file;
    }
}
