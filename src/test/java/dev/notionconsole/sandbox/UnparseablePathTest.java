package dev.notionconsole.sandbox;

import dev.notionconsole.testsupport.FixtureIds;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.notionconsole.core.json.Json;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * A request line the JDK server cannot parse (raw braces, a bare %) answers Notion's JSON invalid_request_url, not the
 * JDK's HTML page; the same connection path serves ordinary requests. Raw sockets: HTTP clients refuse to send these.
 */
class UnparseablePathTest extends SandboxTestBase {
    @Test
    void bracesInThePathGetNotionsJson() throws Exception {
        for (String path : new String[] {"/v1/pages/{page_id}", "/v1/blocks/%zz/children"}) {
            String answer = raw("GET " + path + " HTTP/1.1\r\nHost: sandbox\r\nNotion-Version: 2026-03-11\r\n"
                    + "Authorization: Bearer " + FixtureIds.DOCS_SYNC + "\r\nConnection: close\r\n\r\n");
            assertTrue(answer.startsWith("HTTP/1.1 400"), answer);
            assertTrue(answer.toLowerCase().contains("content-type: application/json"), answer);
            assertFalse(answer.contains("<h1>"), answer);
            JsonNode body = Json.mapper().readTree(answer.substring(answer.indexOf("\r\n\r\n") + 4));
            assertEquals("invalid_request_url", body.path("code").asText(), answer);
            assertEquals("Invalid request URL.", body.path("message").asText());
            assertFalse(body.path("request_id").asText().isEmpty());
        }
    }

    @Test
    void anOrdinaryRequestOverARawSocketStillWorks() throws Exception {
        String answer = raw("GET /v1/users/me HTTP/1.1\r\nHost: sandbox\r\nNotion-Version: 2026-03-11\r\n"
                + "Authorization: Bearer " + FixtureIds.DOCS_SYNC + "\r\nConnection: close\r\n\r\n");
        assertTrue(answer.startsWith("HTTP/1.1 200"), answer);
        assertTrue(answer.contains("\"Docs Sync\""), answer);
    }

    private static String raw(String request) throws Exception {
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            OutputStream out = s.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = s.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
