package dev.notionconsole.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import dev.notionconsole.core.json.Json;
import dev.notionconsole.sandbox.fixture.FixtureLoader;
import dev.notionconsole.sandbox.fixture.FixtureWriter;
import dev.notionconsole.sandbox.model.SandboxModel;
import java.io.InputStream;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The shipped JSON Schema accepts what the loader accepts (the default fixture, the writer's output) and rejects typos. */
class FixtureSchemaTest {
    static JsonNode resource(String name) throws Exception {
        try (InputStream in = FixtureSchemaTest.class.getResourceAsStream("/dev/notionconsole/sandbox/" + name)) {
            return Json.mapper().readTree(in);
        }
    }

    @Test
    void defaultFixtureAndWriterOutputConformToTheSchema() throws Exception {
        MiniSchema schema = new MiniSchema(resource("fixture.schema.json"));
        assertEquals(List.of(), schema.validate(resource("default-fixture.json")));
        SandboxModel m = FixtureLoader.loadDefault(Clock.systemUTC());
        assertEquals(List.of(), schema.validate(m.read(() -> FixtureWriter.write(m))));
    }

    @Test
    void schemaRejectsWhatTheLoaderRejects() throws Exception {
        MiniSchema schema = new MiniSchema(resource("fixture.schema.json"));
        JsonNode bad = Json.mapper().readTree("""
                {"fixture_version": 1, "workspaces": [{"id": "w", "name": "W", "plan": "gold"}],
                 "pages": [{"id": "p", "title": "P", "parent": {"workspace": "w", "page": "x"}, "colour": "red"}],
                 "connections": [{"kind": "robot", "id": "r", "name": "R"}]}""");
        List<String> errors = schema.validate(bad);
        assertFalse(errors.isEmpty());
        assertEquals(4, errors.size(), String.join("\n", errors));
    }
}
