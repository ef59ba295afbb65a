package dev.notionconsole.ui.diagnostics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.notionconsole.connections.Connection;
import dev.notionconsole.connections.ConnectionCaller;
import dev.notionconsole.connections.ConnectionService;
import dev.notionconsole.core.concurrent.InlineTaskRunner;
import dev.notionconsole.diagnostics.DiagnosisRequest;
import dev.notionconsole.diagnostics.DiagnosticsEngine;
import dev.notionconsole.notion.catalog.EndpointCatalog;
import dev.notionconsole.request.send.RequestSender;
import dev.notionconsole.request.history.HistoryStore;
import dev.notionconsole.request.render.BodyRenderer;
import dev.notionconsole.request.saved.SavedRequestStore;
import dev.notionconsole.sandbox.SandboxOptions;
import dev.notionconsole.sandbox.model.Ids;
import dev.notionconsole.testsupport.SandboxConnections;
import dev.notionconsole.ui.common.RecordingDialogService;
import dev.notionconsole.ui.common.ObjectRef;
import dev.notionconsole.ui.request.RequestViewModel;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The Diagnostics ViewModel without a toolkit (inline task runner), over HTTP against a sandbox serving a fixture of
 * our own (Northwind Clinic, not the default Acme one): the hand-over from Request, history, typed calls, bad input,
 * witnesses off, copy as text, the links, and the access matrix.
 */
class DiagnosticsViewModelTest {
    @RegisterExtension
    static final SandboxConnections sandbox = SandboxConnections.with(SandboxOptions.builder().port(0).rateLimitOff()
            .fixture(clinicFixture()).build());
    static final String BILLING = Ids.fromKey("billing");
    static final String SCHEDULING = Ids.fromKey("scheduling");

    Path home;
    ConnectionService service;
    HistoryStore history;
    RecordingDialogService dialogs;
    final List<ObjectRef> explorerOpened = new ArrayList<>();
    final List<URI> browsed = new ArrayList<>();
    DiagnosticsViewModel vm;

    /** Northwind Clinic, a workspace unlike the default fixture's (src/test/resources/.../clinic-fixture.json). */
    static Path clinicFixture() {
        try {
            return Path.of(DiagnosticsViewModelTest.class.getResource("clinic-fixture.json").toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @BeforeEach
    void setUp() {
        home = sandbox.home();
        service = sandbox.connections();
        history = HistoryStore.open(home);
        dialogs = new RecordingDialogService();
        vm = new DiagnosticsViewModel(service, new DiagnosticsEngine(new ConnectionCaller(service, null), EndpointCatalog.builtIn()),
                history, new InlineTaskRunner(), dialogs, explorerOpened::add, browsed::add, Runnable::run);
    }

    private Connection conn(String name) {
        return service.findByIdOrName("Sandbox: " + name).orElseThrow();
    }

    /** Sends a call from the Request section as {@code name} and returns what its "Diagnose" hands over. */
    private DiagnosisRequest failInRequest(String name, String method, String path) {
        service.setCurrent(conn(name).id());
        List<DiagnosisRequest> out = new ArrayList<>();
        RequestViewModel request = new RequestViewModel(service, new RequestSender(new ConnectionCaller(service, null),
                EndpointCatalog.builtIn(), history), SavedRequestStore.open(home), new InlineTaskRunner(), dialogs,
                new BodyRenderer(), Runnable::run, out::add);
        request.methodProperty().set(method);
        request.pathProperty().set(path);
        request.bodyProperty().set("");
        request.sendAnyway();
        request.diagnoseLastFailure();
        assertEquals(1, out.size(), "Diagnose hands the failed call over");
        return out.get(0);
    }

    private void type(String connection, String method, String path) {
        vm.input().connectionProperty().set(conn(connection));
        vm.input().methodProperty().set(method);
        vm.input().pathProperty().set(path);
    }

    @Test
    void aFailedCallFromRequestIsShownAndDiagnosedWithItsAnswer() {
        DiagnosisRequest handed = failInRequest("Rota Bot", "GET", "/v1/pages/" + BILLING);
        assertEquals(404, handed.answer().status());
        vm.diagnose(handed);

        assertEquals("Sandbox: Rota Bot", vm.input().connectionProperty().get().name(), "the input shows the call");
        assertEquals("/v1/pages/" + BILLING, vm.input().pathProperty().get());
        assertEquals("From the Request section, answered 404 object_not_found.", vm.originProperty().get());
        assertEquals("not_shared", vm.verdict().causeCodeProperty().get(), vm.verdict().summaryProperty().get());
        assertEquals("confirmed", vm.verdict().confidenceProperty().get(), "a witness proved it exists");
        assertFalse(vm.verdict().fix().isEmpty());
        String title = vm.verdict().objectTitleProperty().get();
        assertTrue(title.equals("Billing Playbook") || title.equals("Operations"), "the page to share: " + title);
        assertTrue(String.join("\n", vm.verdict().fix()).contains(title), "the fix names the page to share: " + vm.verdict().fix());
        assertTrue(vm.verdict().witnessesTextProperty().get().contains("Nora's token"), vm.verdict().witnessesTextProperty().get());
        assertTrue(vm.verdict().evidence().stream().anyMatch(e -> e.witness() && e.status().startsWith("200")),
                "a witness read it: " + vm.verdict().evidence().stream().map(EvidenceItem::requestLine).toList());
        EvidenceItem identity = vm.verdict().evidence().stream().filter(e -> e.requestLine().equals("GET /v1/users/me")).findFirst().orElseThrow();
        assertTrue(identity.raw().startsWith("GET http"), identity.raw());
        assertTrue(identity.raw().contains("HTTP 200 OK") && identity.raw().contains("\"workspace_name\" : \"Northwind Clinic\""), identity.raw());
        assertFalse(identity.raw().contains("ntn_sandbox_rota_bot"), "no token in the raw exchange");
        assertFalse(vm.runningProperty().get());
        assertEquals("", vm.problemProperty().get());
    }

    @Test
    void withoutWitnessesTheSame404CannotBeToldApartAndSaysSo() {
        DiagnosisRequest handed = failInRequest("Rota Bot", "GET", "/v1/pages/" + BILLING);
        vm.input().witnessesProperty().set(false);
        vm.diagnose(handed);
        assertEquals("not_found_or_not_shared", vm.verdict().causeCodeProperty().get(), vm.verdict().summaryProperty().get());
        assertEquals("Witnesses were off: only the failing connection was asked.", vm.verdict().witnessesTextProperty().get());
        assertTrue(vm.verdict().evidence().stream().noneMatch(EvidenceItem::witness));
    }

    @Test
    void aTypedDatabaseIdOnADataSourceRouteIsTheWrongKindAndNamesTheRightId() {
        type("Rota Bot", "POST", "/v1/data_sources/" + Ids.fromKey("visits") + "/query");
        vm.run();
        assertEquals("wrong_id_kind", vm.verdict().causeCodeProperty().get(), vm.verdict().summaryProperty().get());
        assertTrue(String.join("\n", vm.verdict().fix()).contains(Ids.fromKey("visits-ds")), "the data source ID to use: " + vm.verdict().fix());
        assertEquals("", vm.originProperty().get(), "typed in");
    }

    @Test
    void aForbiddenCommentReadNamesTheCapability() {
        type("Report Bot", "GET", "/v1/comments?block_id=" + SCHEDULING);
        vm.run();
        assertEquals("missing_capability", vm.verdict().causeCodeProperty().get(), vm.verdict().summaryProperty().get());
        assertEquals("Read comments", vm.verdict().capabilityProperty().get());
        assertTrue(vm.verdict().fix().stream().anyMatch(s -> s.contains("Comment capabilities")), vm.verdict().fix().toString());
    }

    @Test
    void badInputIsSaidAndNothingIsLost() {
        vm.input().connectionProperty().set(null);
        vm.input().pathProperty().set("/v1/pages/" + BILLING);
        vm.run();
        assertEquals("Choose the connection the call was sent as.", vm.problemProperty().get());
        type("Rota Bot", "GET", "pages/" + BILLING);
        vm.input().bodyProperty().set("{\"keep\": true}");
        vm.run();
        assertTrue(vm.problemProperty().get().contains("/v1/"), vm.problemProperty().get());
        assertEquals("pages/" + BILLING, vm.input().pathProperty().get(), "the input is kept");
        assertEquals("{\"keep\": true}", vm.input().bodyProperty().get());
        assertNull(vm.verdict().diagnosisProperty().get());
        vm.input().pathProperty().set("https://api.notion.com/v1/pages/" + BILLING);
        vm.input().bodyProperty().set("");
        vm.run();
        assertEquals("", vm.problemProperty().get(), "a pasted API URL is read as its path");
        assertEquals("GET /v1/pages/" + BILLING + " as Sandbox: Rota Bot", vm.verdict().callLineProperty().get());
    }

    @Test
    void editingAHandedOverCallDiagnosesTheEditedCall() {
        vm.diagnose(failInRequest("Rota Bot", "GET", "/v1/pages/" + BILLING));
        vm.input().pathProperty().set("/v1/pages/" + SCHEDULING);
        assertTrue(vm.originProperty().get().startsWith("Edited"), vm.originProperty().get());
        vm.run();
        assertEquals("none", vm.verdict().causeCodeProperty().get(), "Scheduling is shared with Rota Bot: " + vm.verdict().summaryProperty().get());
        assertEquals("GET /v1/pages/" + SCHEDULING + " as Sandbox: Rota Bot", vm.verdict().callLineProperty().get());
    }

    @Test
    void aFailureFromTheHistoryIsDiagnosedWithTheAnswerItRecorded() {
        failInRequest("Report Bot", "GET", "/v1/comments?block_id=" + SCHEDULING);
        vm.refreshRecentFailures();
        assertEquals(1, vm.recentFailures().size());
        vm.diagnose(vm.recentFailures().get(0));
        assertEquals("From the history, answered 403 restricted_resource.", vm.originProperty().get());
        assertEquals("missing_capability", vm.verdict().causeCodeProperty().get(), vm.verdict().summaryProperty().get());
        assertEquals("Sandbox: Report Bot", vm.input().connectionProperty().get().name());
    }

    @Test
    void copyAsTextIsASupportReplyWithoutTokens() {
        vm.diagnose(failInRequest("Rota Bot", "GET", "/v1/pages/" + BILLING));
        vm.copyAsText();
        String text = dialogs.clipboard;
        assertNotNull(text);
        assertTrue(text.startsWith("not_shared"), text);
        assertTrue(text.contains("\n1. "), "numbered steps: " + text);
        assertTrue(text.contains("Evidence:"), text);
        assertFalse(text.contains("FAKE_TOKEN"), "no token: " + text);
    }

    @Test
    void theObjectLinksOpenNotionAndExplorerAsAConnectionThatReadsIt() {
        vm.diagnose(failInRequest("Rota Bot", "GET", "/v1/pages/" + BILLING));
        String id = vm.verdict().diagnosisProperty().get().object().id();
        vm.openInNotion();
        assertEquals(1, browsed.size());
        assertTrue(browsed.get(0).toString().contains(id.replace("-", "")), browsed.get(0).toString());
        vm.openInExplorer();
        assertEquals(1, explorerOpened.size());
        assertEquals(conn("Nora's token").id(), explorerOpened.get(0).connectionId(), "Rota Bot cannot browse there; the witness can");
        assertEquals(id, explorerOpened.get(0).id());
    }

    @Test
    void diagnoseAccessFromExplorerReadsTheObjectAsTheConnection() {
        vm.diagnoseAccess(new ObjectRef(conn("Rota Bot").id(), "page", BILLING, "Billing Playbook", null));
        assertEquals("From Explorer: can this connection read the object?", vm.originProperty().get());
        assertEquals("GET /v1/pages/" + BILLING, vm.input().methodProperty().get() + " " + vm.input().pathProperty().get());
        assertEquals("not_shared", vm.verdict().causeCodeProperty().get(), vm.verdict().summaryProperty().get());
        assertEquals(BILLING, vm.matrix().objectIdProperty().get(), "the matrix is ready for the same object");
        vm.diagnoseAccess(new ObjectRef(conn("Rota Bot").id(), "database", Ids.fromKey("visits"), "Visits", null));
        assertEquals("none", vm.verdict().causeCodeProperty().get(), "Visits is inside Scheduling: " + vm.verdict().summaryProperty().get());
    }

    @Test
    void theAccessMatrixSaysWhoReadsItThroughWhichRootAndWhyTheOthersCannot() {
        vm.diagnose(failInRequest("Rota Bot", "GET", "/v1/pages/" + Ids.fromKey("billing-faq")));
        vm.showAccessMatrix();
        assertEquals(DiagnosticsViewModel.Page.MATRIX, vm.pageProperty().get());
        AccessMatrixViewModel m = vm.matrix();
        assertEquals("", m.problemProperty().get());
        assertEquals(3, m.rows().size(), m.rows().toString());
        AccessMatrixViewModel.Row rota = row(m, "Rota Bot");
        assertFalse(rota.readable());
        assertEquals("not_shared", rota.cause());
        AccessMatrixViewModel.Row report = row(m, "Report Bot");
        assertTrue(report.readable());
        assertTrue(report.through().contains("Operations"), "Report Bot's access enters at Operations: " + report.through());
        assertTrue(row(m, "Nora's token").readable());
        assertTrue(m.objectLineProperty().get().contains("Billing FAQ"), m.objectLineProperty().get());
        m.copyAsText();
        assertTrue(dialogs.clipboard.startsWith("Access to page \"Billing FAQ\""), dialogs.clipboard);

        m.check("not an id");
        assertTrue(m.problemProperty().get().startsWith("Not a Notion ID"), m.problemProperty().get());
        assertEquals("not an id", m.objectIdProperty().get(), "the input is kept");
    }

    private static AccessMatrixViewModel.Row row(AccessMatrixViewModel m, String name) {
        return m.rows().stream().filter(r -> r.connection().equals("Sandbox: " + name)).findFirst().orElseThrow();
    }
}
