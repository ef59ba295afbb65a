package dev.notionconsole.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.notionconsole.core.Redactor;
import dev.notionconsole.core.json.Json;
import dev.notionconsole.request.NameValue;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each kind of secret and personal data, in headers, query strings, JSON and form bodies, with and without pseudonyms. */
class BundleRedactionTest {
    static final String TOKEN = "ntn_4128936718aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789";
    static final String REFRESH = "nrt_9988776655aBcDeFgHiJkLmNoPqRsTuV";
    static final String CLIENT_SECRET = "secret_AbCdEfGhIjKlMnOpQrStUvWxYz0123456789";
    static final String CODE = "03a1b2c3-oauth-code-d4e5f6";

    static BundleExchange x(String method, String url, List<NameValue> query, List<NameValue> headers, String body,
                            int status, String code, String response) {
        return new BundleExchange(Instant.parse("2026-12-01T10:00:00Z"), 120, method, url, query, headers, body, "2025-09-03",
                status, code, List.of(new NameValue("Content-Type", "application/json")), response, "req-1");
    }

    static Bundle bundle(BundleExchange... xs) {
        return new Bundle(new Manifest("1.0", "Linux", Instant.parse("2026-12-01T10:00:00Z"), List.of("exchanges"), null),
                new ConnectionProfile("Docs Sync", "public", "2025-09-03", "standard", 180, List.of(), List.of(),
                        "Acme Robotics", "ws-1", "bot-1"), List.of(xs), List.of(), null);
    }

    @Test
    void secretsAreRemovedFromHeadersQueryStringsJsonAndFormBodies() throws Exception {
        String preview = BundleFile.preview(bundle(
                x("POST", "https://api.notion.com/v1/oauth/token", List.of(new NameValue("code", CODE), new NameValue("state", "s1")),
                        List.of(new NameValue("Authorization", "Basic " + "Y2xpZW50OnNlY3JldF9BYkNkRWY="), new NameValue("X-Trace", "Bearer " + TOKEN)),
                        "{\"grant_type\": \"authorization_code\", \"code\": \"" + CODE + "\", \"client_secret\": \"" + CLIENT_SECRET + "\"}",
                        200, null, "{\"access_token\": \"" + TOKEN + "\", \"refresh_token\": \"" + REFRESH + "\", \"bot_id\": \"b1\"}"),
                x("POST", "https://api.notion.com/v1/oauth/token", List.of(), List.of(new NameValue("Authorization", "Bearer ntn_…0123")),
                        "grant_type=refresh_token&refresh_token=" + REFRESH + "&client_secret=" + CLIENT_SECRET, 400, "invalid_grant",
                        "{\"object\": \"error\", \"status\": 400, \"code\": \"invalid_grant\", \"message\": \"bad " + REFRESH + "\"}")), true);
        for (String secret : List.of(TOKEN, REFRESH, CLIENT_SECRET, CODE, "Y2xpZW50OnNlY3JldF9BYkNkRWY=", "…0123")) {
            assertFalse(preview.contains(secret), secret + " left in\n" + preview);
        }
        assertTrue(preview.contains(Redactor.REMOVED));
        Bundle read = BundleJson.read(Json.mapper().readTree(preview));
        assertEquals("invalid_grant", read.exchanges().get(1).code(), "Notion's error codes are kept");
        assertTrue(read.exchanges().get(1).responseBody().contains("\"code\":\"invalid_grant\""), read.exchanges().get(1).responseBody());
        assertEquals("s1", read.exchanges().get(0).query().get(1).value(), "ordinary query values are kept");
        assertEquals("b1", Json.mapper().readTree(read.exchanges().get(0).responseBody()).path("bot_id").asText());
    }

    @Test
    void titlesNamesAndEmailsBecomeStablePseudonymsInBodiesQueryStringsAndHeaders() throws Exception {
        String page = "{\"object\": \"page\", \"id\": \"p1\", \"url\": \"https://www.notion.so/Launch-Plan-0123456789abcdef0123456789abcdef\","
                + " \"properties\": {\"Name\": {\"id\": \"title\", \"type\": \"title\", \"title\": [{\"type\": \"text\","
                + " \"text\": {\"content\": \"Launch Plan\"}, \"plain_text\": \"Launch Plan\"}]},"
                + " \"Notes\": {\"type\": \"rich_text\", \"rich_text\": [{\"plain_text\": \"Call Dana about pricing\", \"text\": {\"content\": \"Call Dana about pricing\"}}]}},"
                + " \"created_by\": {\"object\": \"user\", \"id\": \"u1\", \"type\": \"person\", \"name\": \"Dana Scully\", \"person\": {\"email\": \"dana@fbi.example\"}}}";
        String preview = BundleFile.preview(bundle(
                x("GET", "https://api.notion.com/v1/pages/p1", List.of(new NameValue("filter", "Launch Plan")),
                        List.of(new NameValue("X-Requested-By", "dana@fbi.example")), "", 200, null, page),
                x("POST", "https://api.notion.com/v1/search", List.of(), List.of(), "{\"query\": \"Launch Plan\"}", 404, "object_not_found",
                        "{\"object\": \"error\", \"code\": \"object_not_found\", \"message\": \"Could not find Launch Plan for Dana Scully\"}")), true);
        for (String personal : List.of("Launch Plan", "Launch-Plan", "Dana Scully", "dana@fbi.example", "Call Dana", "Acme Robotics")) {
            assertFalse(preview.contains(personal), personal + " left in\n" + preview);
        }
        Bundle read = BundleJson.read(Json.mapper().readTree(preview));
        JsonNode body = Json.mapper().readTree(read.exchanges().get(0).responseBody());
        String title = body.path("properties").path("Name").path("title").get(0).path("plain_text").asText();
        assertTrue(title.matches("Page \\d+"), title);
        assertEquals(title, read.exchanges().get(0).query().get(0).value(), "the same title, the same pseudonym (query string)");
        assertEquals("{\"query\":\"" + title + "\"}", read.exchanges().get(1).requestBody(), "and in the other call's body");
        String email = body.path("created_by").path("person").path("email").asText();
        assertTrue(email.matches("user-\\d+@example\\.invalid"), email);
        assertEquals(email, read.exchanges().get(0).requestHeaders().get(0).value(), "headers too");
        assertEquals("https://www.notion.so/0123456789abcdef0123456789abcdef", body.path("url").asText(), "no title slug in URLs");
        assertTrue(preview.contains("Notes"), "property names are structure, not personal data");
        JsonNode redacted = Json.mapper().readTree(preview).path("manifest").path("redacted");
        assertEquals(1, redacted.path("replaced").path("emails").asInt(), redacted.toString());
        assertTrue(redacted.path("pseudonyms").asBoolean());
    }

    @Test
    void withoutPseudonymsTitlesStayButSecretsStillGo() {
        String preview = BundleFile.preview(bundle(x("POST", "https://api.notion.com/v1/search", List.of(new NameValue("access_token", TOKEN)),
                List.of(new NameValue("Authorization", "Bearer " + TOKEN)), "{\"query\": \"Launch Plan\"}", 200, null, "{}")), false);
        assertTrue(preview.contains("Launch Plan"));
        assertFalse(preview.contains(TOKEN));
        assertFalse(preview.contains("4128936718"), "no part of the token");
    }
}
