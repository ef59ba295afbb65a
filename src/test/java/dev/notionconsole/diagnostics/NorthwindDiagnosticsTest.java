package dev.notionconsole.diagnostics;

import static dev.notionconsole.diagnostics.Scenario.id;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.notionconsole.notion.Capability;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The causes on a scenario unlike Acme's (northwind-clinic.json): a Plus clinic and a Free studio, bots shared low in
 * the tree, two users' personal tokens, an OAuth app installed by a member.
 */
class NorthwindDiagnosticsTest {
    static Scenario scenario;
    Scenario.Session s;

    @BeforeAll
    static void start() throws Exception {
        scenario = Scenario.start("northwind-clinic.json");
    }

    @AfterAll
    static void stop() {
        scenario.close();
    }

    @BeforeEach
    void session(@TempDir Path home) {
        s = scenario.session(home);
    }

    @Test
    void aNestedUnsharedPageIsSharedAtItsTopAncestor() throws Exception {
        Diagnosis d = s.diagnose("Intake Bot", "GET", "/v1/pages/" + id("nw-payroll"));
        assertEquals(Cause.NOT_SHARED, d.cause(), d.toText());
        assertEquals("Finance", d.object().title(), d.toText());
    }

    @Test
    void aPatReadingAnotherUsersPrivatePageIsTheUsersAccess() throws Exception {
        Diagnosis d = s.diagnose("Omar's token", "GET", "/v1/pages/" + id("nw-nadia-ideas"));
        assertEquals(Cause.USER_LACKS_ACCESS, d.cause(), d.toText());
        assertEquals(Confidence.CONFIRMED, d.confidence());
        assertTrue(d.fix().stream().anyMatch(f -> f.contains("Omar Reyes")), d.fix().toString());
        assertTrue(d.fix().stream().noneMatch(f -> f.contains("Connect to")), "never the connection menu for a PAT: " + d.fix());
    }

    @Test
    void anOAuthInstallWhoseUserSeesThePageButDidNotPickIt() throws Exception {
        Diagnosis d = s.diagnose("Scheduler", "GET", "/v1/pages/" + id("nw-intake"));
        assertEquals(Cause.NOT_SHARED, d.cause(), d.toText());
        assertEquals("not_picked", d.detail(), d.toText());
        assertEquals(Confidence.CONFIRMED, d.confidence(), "Omar's own token reads it: " + d.toText());
        assertTrue(d.fix().stream().anyMatch(f -> f.contains("page picker")), d.fix().toString());
    }

    @Test
    void anOAuthInstallWhoseUserCannotSeeThePage() throws Exception {
        Diagnosis d = s.diagnose("Scheduler", "GET", "/v1/pages/" + id("nw-nadia-ideas"));
        assertEquals(Cause.USER_LACKS_ACCESS, d.cause(), d.toText());
    }

    @Test
    void aDatabaseIdToADataSourceQueryAndAViewId() throws Exception {
        Diagnosis db = s.diagnose("Intake Bot", "POST", "/v1/data_sources/" + id("nw-appointments") + "/query", "{}", null, true);
        assertEquals(Cause.WRONG_ID_KIND, db.cause(), db.toText());
        assertEquals(id("nw-appointments/data_source"), db.object().id());
        Diagnosis view = s.diagnose("Intake Bot", "POST", "/v1/data_sources/" + id("nw-appointments-week") + "/query", "{}", null, true);
        assertEquals(Cause.VIEW_ID, view.cause(), view.toText());
        assertEquals(id("nw-appointments"), view.object().id());
    }

    @Test
    void aLinkedDatabaseOnASharedPage() throws Exception {
        Diagnosis d = s.diagnose("Intake Bot", "GET", "/v1/databases/" + id("nw-forms-inventory-view"));
        assertEquals(Cause.LINKED_DATABASE, d.cause(), d.toText());
    }

    @Test
    void insertOnlyAndReadOnlyBots() throws Exception {
        Diagnosis read = s.diagnose("Form Filler", "GET", "/v1/blocks/" + id("nw-consent") + "/children");
        assertEquals(Cause.MISSING_CAPABILITY, read.cause(), read.toText());
        assertEquals(Capability.READ_CONTENT, read.capability());
        Diagnosis write = s.diagnose("Rota Reader", "PATCH", "/v1/pages/" + id("nw-rotas"), "{\"properties\":{}}", null, true);
        assertEquals(Cause.MISSING_CAPABILITY, write.cause(), write.toText());
        assertEquals(Capability.UPDATE_CONTENT, write.capability());
    }

    @Test
    void aCreateUnderAnUnsharedParent() throws Exception {
        String body = "{\"parent\":{\"page_id\":\"" + id("nw-budget") + "\"},\"properties\":{}}";
        Diagnosis d = s.diagnose("Intake Bot", "POST", "/v1/pages", body, null, true);
        assertEquals(Cause.NOT_SHARED, d.cause(), d.toText());
        assertEquals("Finance", d.object().title());
    }

    @Test
    void aRowCreatedInAnUnsharedDataSource() throws Exception {
        String body = "{\"parent\":{\"data_source_id\":\"" + id("nw-supplies") + "\"},\"properties\":{\"Item\":{\"title\":[{\"text\":{\"content\":\"Masks\"}}]}}}";
        Diagnosis d = s.diagnose("Intake Bot", "POST", "/v1/pages", body, null, true);
        assertEquals(Cause.NOT_SHARED, d.cause(), d.toText());
        assertEquals("Staff Wiki", d.object().title(), "the data source's database sits in Staff Wiki: " + d.toText());
    }

    @Test
    void anotherWorkspaceAndARevokedToken() throws Exception {
        Diagnosis ws = s.diagnose("Harbor Sync", "GET", "/v1/pages/" + id("nw-consent"));
        assertEquals(Cause.WRONG_WORKSPACE, ws.cause(), ws.toText());
        assertTrue(ws.summary().contains("Northwind Clinic"), ws.summary());
        Diagnosis revoked = s.diagnose("Legacy Export", "GET", "/v1/pages/" + id("nw-rotas"));
        assertEquals(Cause.TOKEN_INVALID, revoked.cause(), revoked.toText());
    }

    @Test
    void trashAndTokenKind() throws Exception {
        Diagnosis trash = s.diagnose("Intake Bot", "PATCH", "/v1/blocks/" + id("nw-old-consent") + "/children",
                "{\"children\":[{\"paragraph\":{\"rich_text\":[{\"text\":{\"content\":\"x\"}}]}}]}", null, true);
        assertEquals(Cause.IN_TRASH, trash.cause(), trash.toText());
        Diagnosis users = s.diagnose("Nadia's token", "GET", "/v1/users");
        assertEquals(Cause.TOKEN_KIND_NOT_ALLOWED, users.cause(), users.toText());
    }

    @Test
    void withoutWitnessesTheSame404IsUndecided() throws Exception {
        Diagnosis with = s.diagnose("Intake Bot", "GET", "/v1/pages/" + id("nw-finance"));
        Diagnosis without = s.diagnose("Intake Bot", "GET", "/v1/pages/" + id("nw-finance"), "", null, false);
        assertEquals(Cause.NOT_SHARED, with.cause(), with.toText());
        assertEquals(Cause.NOT_FOUND_OR_NOT_SHARED, without.cause(), without.toText());
    }

    @Test
    void theAccessMatrixOfANestedPage() throws Exception {
        var origin = s.connection("Intake Bot");
        AccessMatrix m = s.engine.accessMatrix(id("nw-budget"), origin.id(), dev.notionconsole.core.concurrent.CancellationToken.none(),
                DiagnosisListener.NONE);
        assertEquals("Budget 2027", m.object().title(), m.toText());
        java.util.Map<String, AccessMatrix.Row> rows = new java.util.HashMap<>();
        m.rows().forEach(r -> rows.put(r.connection().substring("Sandbox: ".length()), r));
        assertEquals(Cause.NOT_SHARED, rows.get("Intake Bot").cause(), m.toText());
        assertEquals("Finance", rows.get("Intake Bot").root().title(), m.toText());
        assertTrue(rows.get("Omar's token").readable(), m.toText());
        assertEquals("Finance", rows.get("Omar's token").root().title(), "access enters at the top-level page: " + m.toText());
        assertEquals(Cause.NOT_SHARED, rows.get("Scheduler").cause(), "its user sees it: " + m.toText());
        assertEquals(Cause.WRONG_WORKSPACE, rows.get("Harbor Sync").cause(), m.toText());
        assertEquals(Cause.TOKEN_INVALID, rows.get("Legacy Export").cause(), m.toText());
        assertEquals(Cause.MISSING_CAPABILITY, rows.get("Form Filler").cause(), m.toText());
        assertTrue(m.toJson().path("connections").size() == m.rows().size());
    }
}
