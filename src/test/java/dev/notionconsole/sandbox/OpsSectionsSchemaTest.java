package dev.notionconsole.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.notionconsole.core.json.Json;
import dev.notionconsole.sandbox.fixture.FixtureLoader;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The schema and the loader agree on the sections sandbox-ops reads: faults and rate_limits. */
class OpsSectionsSchemaTest {
    private static JsonNode resource(String name) throws Exception {
        try (InputStream in = OpsSectionsSchemaTest.class.getResourceAsStream("/dev/notionconsole/sandbox/" + name)) {
            return Json.mapper().readTree(in);
        }
    }

    private static ObjectNode with(String sections) throws Exception {
        ObjectNode doc = (ObjectNode) resource("default-fixture.json");
        doc.setAll((ObjectNode) Json.mapper().readTree(sections.replace('\'', '"')));
        return doc;
    }

    @Test
    void documentedExamplesPassBoth() throws Exception {
        ObjectNode doc = with("{'faults': ["
                + "{'method': 'PATCH', 'path': '/v1/pages/*', 'status': 409, 'times': 'once'},"
                + "{'method': 'GET', 'path': '/v1/users', 'status': 529, 'retry_after': 2},"
                + "{'method': 'POST', 'path': '/v1/pages', 'body': 'saved_timeout', 'times': 1},"
                + "{'path': '/v1/**', 'status': 522, 'body': 'edge_html', 'times': 3, 'skip': 10},"
                + "{'method': 'GET', 'path': '/v1/blocks/*/children', 'status': 503, 'code': 'database_connection_unavailable'},"
                + "{'path': '/v1/search', 'delay_ms': 5000, 'connection': 'Docs Sync', 'note': 'slow search'}],"
                + "'rate_limits': {'blocked': ['retired-importer', 'globex'], 'workspace_budget': 1800,"
                + " 'workspace_window_seconds': 300}}");
        assertEquals(List.of(), new MiniSchema(resource("fixture.schema.json")).validate(doc));
        assertEquals(List.of(), FixtureLoader.validate(Json.mapper().writeValueAsBytes(doc)));
    }

    @Test
    void badSectionsFailBoth() throws Exception {
        ObjectNode doc = with("{'faults': [{'path': '/v1/a', 'status': 500, 'times': 0}],"
                + "'rate_limits': {'workspace_budget': 0}}");
        assertFalse(new MiniSchema(resource("fixture.schema.json")).validate(doc).isEmpty());
        assertEquals(List.of("faults[0].times: should be once, always or a positive number, not 0",
                "rate_limits.workspace_budget: should be a whole number of at least 1, not 0"),
                FixtureLoader.validate(Json.mapper().writeValueAsBytes(doc)));
    }
}
