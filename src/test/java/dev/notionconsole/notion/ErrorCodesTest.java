package dev.notionconsole.notion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.notionconsole.core.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Every code of notion-api.md 4.2 parses into a typed error and has a description. */
class ErrorCodesTest {

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
            "400, invalid_json, Error parsing JSON body.",
            "400, invalid_request_url, Invalid request URL.",
            "400, invalid_request, Unsupported request: foo.",
            "400, invalid_grant, Invalid code: this code has been revoked.",
            "400, validation_error, body failed validation: body.properties should be defined",
            "400, missing_version, Notion-Version header failed validation",
            "400, invalid_beta, bad beta",
            "401, unauthorized, API token is invalid.",
            "403, restricted_resource, Insufficient permissions for this endpoint.",
            "404, object_not_found, Could not find page with ID: x.",
            "409, conflict_error, Conflict occurred while saving. Please try again.",
            "409, row_limit_exceeded, too many rows",
            "429, rate_limited, You have been rate limited. Please try again in a few minutes.",
            "500, internal_server_error, Unexpected error occurred.",
            "502, bad_gateway, Bad Gateway",
            "503, service_unavailable, Notion is unavailable, please try again later.",
            "503, database_connection_unavailable, Notion is unavailable, please try again later.",
            "504, gateway_timeout, Gateway Timeout",
            "529, service_overload, Overloaded",
    })
    void everyDocumentedCodeParsesAndIsDescribed(int status, String code, String message) {
        String body = "{\"object\":\"error\",\"status\":" + status + ",\"code\":\"" + code + "\",\"message\":\""
                + message + "\",\"request_id\":\"req-" + code + "\"}";
        NotionError e = parse(status, body, Map.of("x-notion-request-id", List.of("hdr")));
        assertEquals(status, e.status());
        assertEquals(code, e.code());
        assertEquals(message, e.message());
        assertEquals("req-" + code, e.requestId());
        assertFalse(e.fromEdgeProxy());
        assertTrue(ErrorCodes.isNotionCode(code));
        ErrorCodes.Description d = ErrorCodes.lookup(code).orElseThrow();
        assertEquals(status, d.usualStatus());
        assertFalse(d.meaning().isBlank());
        assertEquals(d.meaning(), ErrorCodes.describe(code));
    }

    @Test
    void requestIdFallsBackToHeaderAndKeyOrderDoesNotMatter() {
        NotionError e = parse(400, "{\"status\":400,\"object\":\"error\",\"code\":\"invalid_request_url\",\"message\":\"Invalid request URL.\"}",
                Map.of("X-Notion-Request-Id", List.of("from-header")));
        assertEquals("from-header", e.requestId());
        assertNull(e.additionalData());
    }

    @Test
    void additionalDataArraysAndRetryGuidance() {
        NotionError e = parse(503, "{\"object\":\"error\",\"status\":503,\"code\":\"service_unavailable\",\"message\":\"The change was saved\","
                + "\"additional_data\":{\"retry_guidance\":[\"read again\",\"do not repeat\"],\"committed_resource_id\":\"abc\"}}", Map.of());
        assertTrue(e.mayHaveCommitted());
        assertEquals("read again, do not repeat", e.additional("retry_guidance").orElseThrow());
    }

    @Test
    void oauthStyleErrorBody() {
        NotionError e = parse(400, "{\"error\":\"invalid_grant\",\"error_description\":\"Invalid code.\"}", Map.of());
        assertEquals("invalid_grant", e.code());
        assertEquals("Invalid code.", e.message());
    }

    @Test
    void jsonThatIsNotAnError() {
        NotionError e = parse(418, "{\"hello\":1}", Map.of());
        assertEquals(ErrorCodes.UNRECOGNISED_ERROR, e.code());
    }

    @Test
    void plainTextBody() {
        NotionError e = parse(522, "Connection timed out", Map.of("content-type", List.of("text/plain"), "cf-ray", List.of("abc-LHR")));
        assertEquals(ErrorCodes.EDGE_PROXY, e.code());
        assertTrue(e.fromEdgeProxy());
        assertTrue(e.message().contains("text/plain") && e.message().contains("abc-LHR"), e.message());
    }

    @Test
    void unknownCodesAndNullStillDescribe() {
        assertTrue(ErrorCodes.describe("brand_new_code").contains("brand_new_code"));
        assertFalse(ErrorCodes.describe(null).isBlank());
        assertFalse(ErrorCodes.isNotionCode(ErrorCodes.EDGE_PROXY));
        ErrorCodes.all().forEach((code, d) -> assertFalse(d.meaning().isBlank(), code));
    }

    private static NotionError parse(int status, String body, Map<String, List<String>> headers) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        JsonNode json = BodyParsing.parseJson(bytes);
        return NotionError.from(status, headers, bytes, json, BodyParsing.kindOf(bytes, json));
    }

    @Test
    void parseJsonRejectsTrailingGarbage() {
        assertNull(BodyParsing.parseJson("{} {}".getBytes(StandardCharsets.UTF_8)));
        assertNull(BodyParsing.parseJson("<html>".getBytes(StandardCharsets.UTF_8)));
        assertEquals(1, BodyParsing.parseJson("{\"a\":1}".getBytes(StandardCharsets.UTF_8)).get("a").asInt());
        assertEquals(BodyKind.EMPTY, BodyParsing.kindOf(" \n".getBytes(StandardCharsets.UTF_8), null));
        assertEquals("x", Json.mapper().createObjectNode().put("a", "x").get("a").asText());
    }
}
