package dev.notionconsole.request.curl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.notionconsole.core.Secret;
import dev.notionconsole.request.NameValue;
import dev.notionconsole.request.RequestSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CurlTest {
    private static final CurlImporter.FileReader NO_FILES = p -> {
        throw new IOException("no file " + p);
    };
    private static final String TOKEN = "ntn_4991090011501Ejc6Xn4sHguI7jZIN449mKe9PRh";

    private final RequestSpec search = new RequestSpec("POST", "/v1/search", List.of(), List.of(new NameValue("X-Trace", "it's me")),
            "{\"query\": \"Roadmap\"}", "2025-09-03");

    @Test
    void exportUsesTheTokenVariableByDefault() {
        String curl = CurlExporter.export(search, "https://api.notion.com", "2025-09-03", new CurlExporter.Credential.TokenVariable());
        assertEquals("""
                curl -X POST https://api.notion.com/v1/search \\
                  -H "Authorization: Bearer $NOTION_TOKEN" \\
                  -H 'Notion-Version: 2025-09-03' \\
                  -H 'X-Trace: it'\\''s me' \\
                  -H 'Content-Type: application/json' \\
                  --data-raw '{"query": "Roadmap"}'""", curl);
    }

    @Test
    void exportRevealsOnlyWhenAskedAndEncodesTheQuery() {
        RequestSpec get = new RequestSpec("GET", "/v1/comments", List.of(new NameValue("block_id", "a b&c")), List.of(), "", null);
        String shown = CurlExporter.export(get, "https://api.notion.com/", "2026-03-11", new CurlExporter.Credential.RevealedToken(Secret.of(TOKEN)));
        assertTrue(shown.startsWith("curl 'https://api.notion.com/v1/comments?block_id=a%20b%26c'") || shown.startsWith("curl https://api.notion.com/v1/comments?block_id=a%20b%26c"), shown);
        assertTrue(shown.contains("Bearer " + TOKEN), shown);
        String basic = CurlExporter.export(RequestSpec.of("POST", "/v1/oauth/revoke").withBody("{\"token\":\"x\"}"), "https://api.notion.com",
                "2026-03-11", new CurlExporter.Credential.ClientVariables());
        assertTrue(basic.contains("-u \"$NOTION_CLIENT_ID:$NOTION_CLIENT_SECRET\""), basic);
    }

    @Test
    void exportThenImportGivesTheSameRequest() throws IOException {
        String curl = CurlExporter.export(search, "http://127.0.0.1:8123", "2025-09-03", new CurlExporter.Credential.TokenVariable());
        CurlImport back = CurlImporter.parse(curl, NO_FILES);
        assertEquals(search, back.request());
        assertEquals("http://127.0.0.1:8123", back.baseUrl());
        assertNull(back.bearerToken(), "a variable is not a token");
    }

    @Test
    void fileUploadFormFieldsGoOutAsDashFAndComeBackTheSame() throws IOException {
        RequestSpec upload = new RequestSpec("POST", "/v1/file_uploads/6c1b5c6e-0000-4000-8000-000000000001/send", List.of(), List.of(),
                "", null, List.of(new NameValue("file", "@/tmp/Q3 report.pdf;type=application/pdf"), new NameValue("part_number", "2")));
        String curl = CurlExporter.export(upload, "https://api.notion.com", "2026-03-11", new CurlExporter.Credential.TokenVariable());
        assertTrue(curl.contains("-F 'file=@/tmp/Q3 report.pdf;type=application/pdf' \\\n  -F part_number=2"), curl);
        assertFalse(curl.contains("Content-Type"), "curl writes the multipart type and boundary itself");
        assertEquals(upload.withVersion("2026-03-11"), CurlImporter.parse(curl, NO_FILES).request());
    }

    @Test
    void notionsUploadExampleImportsWithItsFileAndWithoutItsContentType() throws IOException {
        CurlImport in = CurlImporter.parse("""
                curl --request POST \\
                  --url 'https://api.notion.com/v1/file_uploads/a3f9d3e2-1abc-42de-b904-badc0ffee000/send' \\
                  -H 'Authorization: Bearer $NOTION_TOKEN' \\
                  -H 'Notion-Version: 2026-03-11' \\
                  -H 'Content-Type: multipart/form-data' \\
                  -F "file=@path/to-file.gif" -F'part_number=1'""", NO_FILES);
        assertEquals("POST", in.request().method());
        assertEquals(List.of(new NameValue("file", "@path/to-file.gif"), new NameValue("part_number", "1")), in.request().form());
        assertTrue(in.request().headers().isEmpty(), "Content-Type is the client's: " + in.request().headers());
        assertTrue(in.notes().stream().anyMatch(n -> n.contains("Content-Type")), in.notes().toString());
    }

    @Test
    void importsNotionDocsStyleMultiLineCommand() throws IOException {
        String cmd = """
                curl -X PATCH 'https://api.notion.com/v1/blocks/b55c9c91-384d-452b-81db-d1ef79372b75/children' \\
                  -H 'Authorization: Bearer '"$NOTION_API_KEY"'' \\
                  -H "Content-Type: application/json" \\
                  -H "Notion-Version: 2026-03-11" \\
                  --data '{
                	"children": [{"object": "block", "type": "paragraph"}]
                }'
                """;
        CurlImport imp = CurlImporter.parse(cmd, NO_FILES);
        assertEquals("PATCH", imp.request().method());
        assertEquals("/v1/blocks/b55c9c91-384d-452b-81db-d1ef79372b75/children", imp.request().path());
        assertEquals("2026-03-11", imp.request().notionVersion());
        assertTrue(imp.request().body().contains("\"children\""));
        assertTrue(imp.request().headers().isEmpty(), "Authorization, Content-Type and Notion-Version are not custom headers");
        assertNull(imp.bearerToken());
    }

    @Test
    void aPastedTokenBecomesASecretAndNeverPartOfTheRequest() throws IOException {
        CurlImport imp = CurlImporter.parse("curl https://api.notion.com/v1/users/me -H 'Authorization: Bearer " + TOKEN
                + "' -H 'Notion-Version: 2022-06-28'", NO_FILES);
        assertEquals(TOKEN, imp.bearerToken().reveal());
        assertFalse(imp.request().toString().contains(TOKEN));
        assertTrue(imp.notes().stream().anyMatch(n -> n.contains("ntn_…9PRh") && n.contains("never saved")), imp.notes().toString());
        assertTrue(imp.notes().stream().noneMatch(n -> n.contains(TOKEN)));
        assertEquals("GET", imp.request().method());
    }

    @Test
    void dataFromAFileDataRawAnsiQuotingAndGet(@TempDir Path dir) throws IOException {
        Path body = dir.resolve("body.json");
        Files.writeString(body, "{\"query\":\"from file\"}");
        CurlImport fromFile = CurlImporter.parse("curl https://api.notion.com/v1/search -d @" + body, p -> Files.readString(Path.of(p)));
        assertEquals("POST", fromFile.request().method());
        assertEquals("{\"query\":\"from file\"}", fromFile.request().body());

        CurlImport raw = CurlImporter.parse("curl 'https://api.notion.com/v1/search' --data-raw '@not-a-file'", NO_FILES);
        assertEquals("@not-a-file", raw.request().body());

        CurlImport chrome = CurlImporter.parse("curl 'https://api.notion.com/v1/search' -H 'notion-version: 2025-09-03' --data-raw $'{\"query\":\"it\\'s\\n\"}' --compressed", NO_FILES);
        assertEquals("{\"query\":\"it's\n\"}", chrome.request().body());
        assertEquals("2025-09-03", chrome.request().notionVersion());

        CurlImport get = CurlImporter.parse("curl -G https://api.notion.com/v1/comments -d block_id=abc -d page_size=10", NO_FILES);
        assertEquals("GET", get.request().method());
        assertEquals(List.of(new NameValue("block_id", "abc"), new NameValue("page_size", "10")), get.request().query());
        assertEquals("", get.request().body());

        CurlImport attached = CurlImporter.parse("curl -XDELETE \"https://api.notion.com/v1/blocks/x?a=1\" -sS", NO_FILES);
        assertEquals("DELETE", attached.request().method());
        assertEquals(List.of(new NameValue("a", "1")), attached.request().query());
    }

    @Test
    void basicCredentialsAreKeptApart() throws IOException {
        CurlImport imp = CurlImporter.parse("curl https://api.notion.com/v1/oauth/introspect -u 'client-1:s3cr3t-value-here' --json '{\"token\":\"x\"}'", NO_FILES);
        assertEquals("client-1", imp.clientId());
        assertEquals("s3cr3t-value-here", imp.clientSecret().reveal());
        assertEquals("POST", imp.request().method());
        CurlImport vars = CurlImporter.parse("curl https://api.notion.com/v1/oauth/revoke -u \"$NOTION_CLIENT_ID:$NOTION_CLIENT_SECRET\" -d '{}'", NO_FILES);
        assertNull(vars.clientId());
    }

    @Test
    void badInputGetsAClearError() {
        assertEquals("The command has no URL.", assertThrows(IllegalArgumentException.class, () -> CurlImporter.parse("curl -X GET", NO_FILES)).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> CurlImporter.parse("curl 'https://x", NO_FILES)).getMessage().contains("not closed"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> CurlImporter.parse("wget https://x", NO_FILES)).getMessage().contains("not a cURL command"));
        assertTrue(assertThrows(IOException.class, () -> CurlImporter.parse("curl https://x/v1/search -d @missing.json", NO_FILES)).getMessage().contains("missing.json"));
    }
}
