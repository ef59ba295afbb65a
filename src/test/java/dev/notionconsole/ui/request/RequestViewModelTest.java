package dev.notionconsole.ui.request;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.notionconsole.connections.Connection;
import dev.notionconsole.connections.ConnectionService;
import dev.notionconsole.core.concurrent.InlineTaskRunner;
import dev.notionconsole.notion.catalog.EndpointCatalog;
import dev.notionconsole.request.send.RequestSender;
import dev.notionconsole.request.history.HistoryStore;
import dev.notionconsole.request.preflight.Finding;
import dev.notionconsole.request.render.BodyRenderer;
import dev.notionconsole.request.saved.SavedRequestStore;
import dev.notionconsole.sandbox.SandboxConnection;
import dev.notionconsole.testsupport.SandboxConnections;
import dev.notionconsole.ui.common.RecordingDialogService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The builder's ViewModel without a toolkit (inline task runner), sending over HTTP to the real sandbox. */
class RequestViewModelTest {
    @RegisterExtension
    static final SandboxConnections sandbox = SandboxConnections.rateLimitOff();
    final SandboxConnection docsSync = sandbox.fixtureConnection("Docs Sync");

    Path home;
    ConnectionService service;
    HistoryStore history;
    RecordingDialogService dialogs;
    final List<dev.notionconsole.diagnostics.DiagnosisRequest> diagnosed = new ArrayList<>();
    RequestViewModel vm;

    @BeforeEach
    void setUp() {
        home = sandbox.home();
        service = sandbox.connectionsUsing("Sandbox: Docs Sync");
        history = HistoryStore.open(home);
        dialogs = new RecordingDialogService();
        vm = new RequestViewModel(service, new RequestSender(new dev.notionconsole.connections.ConnectionCaller(service, null), EndpointCatalog.builtIn(), history), SavedRequestStore.open(home),
                new InlineTaskRunner(), dialogs, new BodyRenderer(), Runnable::run, diagnosed::add);
    }

    private void use(String name) {
        service.setCurrent(service.findByIdOrName(name).orElseThrow().id());
    }

    private List<String> findingCodes() {
        return vm.findings().stream().map(Finding::code).toList();
    }

    @Test
    void pickingARouteFillsTheBuilderFromTheCatalog() {
        vm.pick(EndpointCatalog.builtIn().byId("data_sources.query").orElseThrow());
        assertEquals("POST", vm.methodProperty().get());
        assertEquals("/v1/data_sources/{data_source_id}/query", vm.pathProperty().get());
        assertEquals(List.of("data_source_id"), vm.pathParams().stream().map(IdField::name).toList());
        assertTrue(vm.bodyProperty().get().contains("\"page_size\" : 100"));
        assertTrue(vm.endpointSummaryProperty().get().contains("needs read content"), vm.endpointSummaryProperty().get());
        assertTrue(vm.endpointSummaryProperty().get().contains("from 2025-09-03"));
        assertEquals("data_sources.query", vm.endpointProperty().get().id());
        assertEquals("search", vm.searchCatalog("search").get(0).id());

        vm.methodProperty().set("GET");
        vm.pathProperty().set("/v1/users/me");
        assertEquals("users.me", vm.endpointProperty().get().id(), "a typed path is matched to its route");
        vm.pathProperty().set("/v1/whatever/else");
        assertNull(vm.endpointProperty().get());
        assertTrue(vm.endpointSummaryProperty().get().startsWith("Free-form"));
    }

    @Test
    void pickingTheUploadSendOffersAFormAndAChosenFileGoesIntoIt() throws Exception {
        vm.pick(EndpointCatalog.builtIn().byId("file_uploads.send").orElseThrow());
        assertTrue(vm.multipartProperty().get());
        assertEquals(List.of("file", "part_number"), vm.form().stream().map(KeyValueRow::getName).toList());
        vm.pathParams().get(0).setValue("6c1b5c6e-0000-4000-8000-000000000001");
        Path file = Files.writeString(home.resolve("notes.txt"), "hello");
        dialogs.answerFile(file);
        vm.chooseFile(vm.form().get(0));
        assertEquals("@" + file.toAbsolutePath(), vm.form().get(0).getValue());
        var spec = vm.currentSpec();
        assertEquals(List.of(new dev.notionconsole.request.NameValue("file", "@" + file.toAbsolutePath())), spec.form(),
                "the empty part_number row is not sent");
        assertEquals("", spec.body());
        vm.pick(EndpointCatalog.builtIn().byId("search").orElseThrow());
        assertFalse(vm.multipartProperty().get());
        assertTrue(vm.form().isEmpty(), "a JSON route starts without form fields");
    }

    @Test
    void searchingAPrefixAlsoCountsMatchesInTheWholeBody() {
        RequestViewModel small = new RequestViewModel(service, new RequestSender(new dev.notionconsole.connections.ConnectionCaller(service, null), EndpointCatalog.builtIn(), history),
                SavedRequestStore.open(home), new InlineTaskRunner(), dialogs, new BodyRenderer(new BodyRenderer.Limits(400, 400, 200)),
                Runnable::run, diagnosed::add);
        small.pick(EndpointCatalog.builtIn().byId("search").orElseThrow());
        small.bodyProperty().set("{}");
        small.send();
        assertTrue(small.bodyTruncatedProperty().get(), "only 400 characters are shown");
        byte[] whole = small.exchangeProperty().get().body();
        int expected = dev.notionconsole.request.render.BodySearch.countIgnoreCase(whole, "\"object\"", () -> false);
        List<int[]> shown = small.findInBody("\"OBJECT\"");
        assertTrue(shown.size() < expected, shown.size() + " shown of " + expected);
        assertEquals(String.format(java.util.Locale.ROOT, "%,d in the whole body as received: Save full body… to read them all", expected),
                small.wholeBodyHitsProperty().get());
        small.findInBody("");
        assertEquals("", small.wholeBodyHitsProperty().get());
        vm.findInBody("object");
        assertEquals("", vm.wholeBodyHitsProperty().get(), "nothing to add when the whole body is shown");
    }

    @Test
    void aPastedUrlBecomesTheIdWithANote() {
        vm.pick(EndpointCatalog.builtIn().byId("pages.retrieve").orElseThrow());
        IdField id = vm.pathParams().get(0);
        id.setValue("https://www.notion.so/acme/Roadmap-0c5f5fb31f664bc2a8a9cf1c54e3e9a1?v=1111111111114bc2a8a9cf1c54e3e9a1");
        assertEquals("0c5f5fb3-1f66-4bc2-a8a9-cf1c54e3e9a1", id.getValue());
        assertFalse(id.noteProperty().get().isEmpty());
        assertEquals("/v1/pages/0c5f5fb3-1f66-4bc2-a8a9-cf1c54e3e9a1", vm.currentSpec().path());
        id.setValue("https://www.notion.so/acme/not-an-id-at-all-but-long-enough");
        assertFalse(id.problemProperty().get().isEmpty(), "a link without an ID says why");
        id.setValue("0c5f");
        assertEquals("", id.problemProperty().get(), "no nagging while typing");
        // typed a character at a time: explained at once, replaced only when the field is left, sent normalised
        String typed = "0c5f5fb31f664bc2a8a9cf1c54e3e9a";
        id.setValue(typed);
        id.setValue(typed + "1");
        assertEquals(typed + "1", id.getValue(), "the text under the caret is not replaced mid-typing");
        assertFalse(id.noteProperty().get().isEmpty());
        assertEquals("/v1/pages/0c5f5fb3-1f66-4bc2-a8a9-cf1c54e3e9a1", vm.currentSpec().path());
        id.commit();
        assertEquals("0c5f5fb3-1f66-4bc2-a8a9-cf1c54e3e9a1", id.getValue());
    }

    @Test
    void invalidJsonIsStoppedBeforeSendingUnlessSentAnyway() {
        vm.pick(EndpointCatalog.builtIn().byId("search").orElseThrow());
        vm.bodyProperty().set("{\n  \"query\": \"x\",\n}");
        vm.send();
        Finding f = vm.findings().get(0);
        assertEquals("invalid-json", f.code());
        assertEquals(3, f.line());
        assertEquals(1, f.column());
        assertNull(vm.exchangeProperty().get(), "nothing was sent");
        assertEquals(0, history.size());
        vm.sendAnyway();
        assertEquals("400 Bad Request", vm.statusTextProperty().get());
        assertEquals("invalid_json", vm.errorCodeProperty().get());
        assertFalse(vm.errorMeaningProperty().get().isEmpty());
        vm.diagnoseLastFailure();
        assertEquals(400, diagnosed.get(0).answer().status(), "the hand-over carries the answer");
        assertEquals("{\n  \"query\": \"x\",\n}", diagnosed.get(0).request().body(), "and the call as sent");
    }

    @Test
    void warningsDoNotBlockAndTheVersionOverrideIsSent() {
        vm.methodProperty().set("GET");
        vm.pathProperty().set("/v1/data_sources/{data_source_id}");
        vm.pathParams().get(0).setValue("0c5f5fb3-1f66-4bc2-a8a9-cf1c54e3e9a1");
        vm.versionProperty().set("2022-06-28");
        vm.send();
        assertTrue(findingCodes().contains("data-sources-version"), findingCodes().toString());
        assertEquals("invalid_request_url", vm.errorCodeProperty().get());
        assertEquals("2022-06-28", vm.exchangeProperty().get().request().notionVersion());

        vm.pick(EndpointCatalog.builtIn().byId("pages.update").orElseThrow());
        vm.versionProperty().set("");
        vm.pathParams().get(0).setValue("0c5f5fb3-1f66-4bc2-a8a9-cf1c54e3e9a1");
        vm.bodyProperty().set("{\"archived\": true}");
        vm.send();
        assertTrue(findingCodes().contains("archived-2026"), findingCodes().toString());
    }

    @Test
    void aCapabilityLearnedFromA403WarnsNextTime() {
        use("Sandbox: Wiki Reader");
        vm.pick(EndpointCatalog.builtIn().byId("comments.list").orElseThrow());
        vm.query().get(0).valueProperty().set("0c5f5fb3-1f66-4bc2-a8a9-cf1c54e3e9a1");
        vm.send();
        assertEquals("403 Forbidden", vm.statusTextProperty().get());
        assertEquals("restricted_resource", vm.errorCodeProperty().get());
        vm.send();
        assertTrue(findingCodes().contains("capability"), findingCodes().toString());
    }

    @Test
    void curlOutIsSafeByDefaultAndCurlInKeepsATokenOutOfHistory() {
        vm.pick(EndpointCatalog.builtIn().byId("users.me").orElseThrow());
        String curl = vm.curl();
        assertTrue(curl.contains("Authorization: Bearer $NOTION_TOKEN"), curl);
        assertTrue(curl.contains(sandbox.baseUrl() + "/v1/users/me"), curl);
        assertFalse(curl.contains(docsSync.token()));
        dialogs.answerConfirm(true);
        vm.copyAsCurlWithToken();
        assertTrue(dialogs.clipboard.contains("Bearer " + docsSync.token()), "only when asked, after a confirmation");
        assertEquals(Duration.ofSeconds(60), dialogs.clipboardClearAfter);

        SandboxConnection wiki = sandbox.fixtureConnection("Wiki Reader");
        vm.importCurl("curl -X POST '" + sandbox.baseUrl() + "/v1/search' \\\n  -H 'Authorization: Bearer " + wiki.token() + "' \\\n"
                + "  -H 'Notion-Version: 2025-09-03' \\\n  --data-raw '{\"query\": \"Handbook\"}'");
        assertEquals("POST", vm.methodProperty().get());
        assertEquals("/v1/search", vm.pathProperty().get());
        assertEquals("2025-09-03", vm.versionProperty().get());
        assertEquals("{\"query\": \"Handbook\"}", vm.bodyProperty().get());
        assertTrue(vm.hasPastedTokenProperty().get());
        assertTrue(vm.importNotesProperty().get().contains("never saved"), vm.importNotesProperty().get());
        vm.usePastedTokenProperty().set(true);
        vm.send();
        assertEquals("200 OK", vm.statusTextProperty().get());
        assertTrue(vm.exchangeProperty().get().request().headers().get("Authorization").contains("…"), "masked in the exchange");
        String file = readHistoryFile();
        assertFalse(file.contains(wiki.token()), "the pasted token never reaches the history");
        assertFalse(file.contains(docsSync.token()));
    }

    @Test
    void historyIsSearchableReopensAndClears() {
        vm.pick(EndpointCatalog.builtIn().byId("users.me").orElseThrow());
        vm.send();
        vm.pick(EndpointCatalog.builtIn().byId("pages.retrieve").orElseThrow());
        vm.pathParams().get(0).setValue("0c5f5fb3-1f66-4bc2-a8a9-cf1c54e3e9a1");
        vm.send();
        assertEquals(2, vm.history().size());
        vm.historyQueryProperty().set("status:404");
        assertEquals(1, vm.history().size());
        vm.historyQueryProperty().set("code:object_not_found conn:docs");
        assertEquals(1, vm.history().size());
        vm.historyQueryProperty().set("");
        vm.pick(EndpointCatalog.builtIn().byId("search").orElseThrow());
        vm.reopen(vm.history().get(0));
        assertEquals("/v1/pages/{page_id}", vm.pathProperty().get(), "re-opened as its route with the ID in its field");
        assertEquals("0c5f5fb3-1f66-4bc2-a8a9-cf1c54e3e9a1", vm.pathParams().get(0).getValue());
        assertEquals("GET", vm.methodProperty().get());
        assertEquals(2, HistoryStore.open(home).size(), "persisted");
        dialogs.answerConfirm(true);
        vm.clearHistory();
        assertEquals(0, vm.history().size());
        assertEquals(0, HistoryStore.open(home).size());
    }

    @Test
    void savedRequestsAreKeptByGroup() {
        vm.pick(EndpointCatalog.builtIn().byId("search").orElseThrow());
        vm.saveRequest("Find handbook", "Support");
        assertEquals(1, vm.savedRequests().size());
        assertEquals("Support", vm.savedRequests().get(0).group());
        vm.pick(EndpointCatalog.builtIn().byId("users.me").orElseThrow());
        vm.openSaved(vm.savedRequests().get(0));
        assertEquals("/v1/search", vm.pathProperty().get());
    }

    @Test
    void aLargeAnswerIsShownAsAPrefixWithANote() {
        vm.pick(EndpointCatalog.builtIn().byId("search").orElseThrow());
        vm.bodyProperty().set("{\"page_size\": 100}");
        vm.send();
        assertNotNull(vm.bodyDocumentProperty().get());
        assertTrue(vm.bodyDocumentProperty().get().text().contains("\"object\" : \"list\""));
        assertFalse(vm.bodyTruncatedProperty().get());
        assertTrue(vm.findInBody("\"object\"").size() > 1);
        vm.prettyProperty().set(false);
        assertTrue(vm.bodyDocumentProperty().get().text().startsWith("{\"object\":\"list\""), "raw: as received");
    }

    private String readHistoryFile() {
        try {
            return Files.readString(home.resolve(HistoryStore.FILE_NAME));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void noConnectionMeansANoticeNotACrash() {
        Connection c = service.current().orElseThrow();
        assertNotNull(c);
        vm.pick(EndpointCatalog.builtIn().byId("users.me").orElseThrow());
        vm.send();
        assertEquals("200 OK", vm.statusTextProperty().get());
        assertTrue(vm.timingProperty().get().endsWith("ms"), vm.timingProperty().get());
        assertFalse(vm.responseHeaders().isEmpty());
    }
}
