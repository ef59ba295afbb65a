package dev.notionconsole.ui.connections;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.notionconsole.connections.Connection;
import dev.notionconsole.connections.ConnectionKind;
import dev.notionconsole.connections.ConnectionService;
import dev.notionconsole.connections.ConnectionValidator.Field;
import dev.notionconsole.connections.IdentityCheck;
import dev.notionconsole.core.concurrent.InlineTaskRunner;
import dev.notionconsole.sandbox.SandboxConnection;
import dev.notionconsole.testsupport.SandboxConnections;
import dev.notionconsole.ui.common.RecordingDialogService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The workspace's behaviour without a toolkit: inline tasks, recorded dialogs, the real sandbox over HTTP. */
class ConnectionsViewModelTest {
    @RegisterExtension
    static final SandboxConnections sandbox = SandboxConnections.defaults();
    final SandboxConnection docsSync = sandbox.fixtureConnection("Docs Sync");

    Path home;
    ConnectionService service;
    RecordingDialogService dialogs;
    Deque<Optional<String>> promptAnswers;
    ConnectionsViewModel vm;

    @BeforeEach
    void open() {
        open(Map.of());
    }

    void open(Map<String, String> env) {
        home = sandbox.home();
        service = sandbox.reopen(env);
        dialogs = new RecordingDialogService();
        promptAnswers = new ArrayDeque<>();
        vm = new ConnectionsViewModel(service, new InlineTaskRunner(), dialogs,
                (title, message, label) -> promptAnswers.removeFirst(), Runnable::run);
        vm.start();
    }

    ConnectionFormViewModel form() {
        return vm.form();
    }

    void addDocsSyncCopy(String name) {
        vm.newConnection(ConnectionKind.INTERNAL);
        form().nameProperty().set(name);
        form().baseUrlProperty().set("sandbox");
        form().tokenProperty().set(" " + docsSync.token() + "\n");
        vm.save();
    }

    @Test
    void aListenerOnTheConnectionsKeepsHearingAfterAGarbageCollection() {
        // the list view's rows follow vm.connections() through a listener (decision 0200): a read-only view made per
        // call listened to the real list weakly, so such a listener went deaf once that view was collected
        java.util.concurrent.atomic.AtomicInteger heard = new java.util.concurrent.atomic.AtomicInteger();
        vm.connections().addListener((javafx.collections.ListChangeListener<Connection>) c -> heard.incrementAndGet());
        dev.notionconsole.testsupport.Gc.collect();
        addDocsSyncCopy("Heard after a collection");
        assertTrue(heard.get() > 0, "the listener heard the new connection");
    }

    @Test
    void startsOnTheCurrentSandboxConnectionAndSaysSecretsAreSessionOnly() {
        assertEquals(sandbox.server().connections().size(), vm.connections().size());
        Connection current = service.current().orElseThrow();
        assertEquals(current, vm.selectedProperty().get());
        assertEquals(current.id(), vm.currentIdProperty().get());
        assertEquals(current.name(), form().nameProperty().get());
        assertEquals(docsSync.token(), form().tokenProperty().get(), "the fixture's fake token, loaded in the background");
        assertFalse(form().dirtyProperty().get());
        assertTrue(vm.storage().warningProperty().get());
        assertTrue(vm.storage().textProperty().get().contains("for this session only"), vm.storage().textProperty().get());
        assertTrue(vm.storage().fileOptInOfferedProperty().get());
    }

    @Test
    void validationShowsEveryProblemAndSavesNothing() {
        int before = vm.connections().size();
        vm.newConnection(ConnectionKind.INTERNAL);
        form().nameProperty().set(vm.connections().get(0).name());
        form().baseUrlProperty().set("api.notion.com");
        vm.save();
        assertEquals(before, vm.connections().size());
        assertTrue(form().messageProperty(Field.NAME).get().contains("already called"));
        assertTrue(form().messageProperty(Field.BASE_URL).get().contains("http(s) URL"));
        assertTrue(form().messageProperty(Field.TOKEN).get().contains("Paste"));
        assertTrue(form().blockingProperty(Field.TOKEN).get());

        form().baseUrlProperty().set("sandbox");
        form().notionVersionProperty().set("2099-01-01");
        vm.validateForm();
        assertEquals("", form().messageProperty(Field.BASE_URL).get(), "fixed fields clear");
        assertFalse(form().blockingProperty(Field.NOTION_VERSION).get(), "an unknown version is only a warning");

        form().kindProperty().set(ConnectionKind.PUBLIC_OAUTH);
        assertTrue(form().publicKindProperty().get());
        assertTrue(form().redirectUriProperty().get().matches("http://localhost:2\\d{4}/callback"),
                "a new public connection gets the default loopback redirect URI: " + form().redirectUriProperty().get());
        form().redirectUriProperty().set("");
        vm.validateForm();
        assertTrue(form().messageProperty(Field.CLIENT_ID).get().contains("client ID"));
        assertTrue(form().messageProperty(Field.REDIRECT_URI).get().contains("redirect URI"));
    }

    @Test
    void addTestEditDuplicateDelete() {
        addDocsSyncCopy("My docs");
        Connection added = vm.selectedProperty().get();
        assertEquals("My docs", added.name());
        assertEquals(added.id(), service.current().orElseThrow().id(), "a new connection becomes current");
        assertFalse(form().dirtyProperty().get());
        assertEquals(1, dialogs.ofKind("notify-success").size());

        vm.test().testConnection();
        assertFalse(vm.test().testingProperty().get());
        IdentityCheck check = vm.test().lastCheckProperty().get();
        assertEquals(IdentityCheck.Outcome.OK, check.outcome());
        assertTrue(vm.test().lastCheckTextProperty().get().startsWith("Works"), vm.test().lastCheckTextProperty().get());
        assertTrue(vm.test().lastCheckTextProperty().get().contains("Docs Sync"));
        assertEquals(IdentityCheck.Outcome.OK, vm.connections().stream().filter(c -> c.id().equals(added.id()))
                .findFirst().orElseThrow().lastCheck().outcome(), "the list shows the check");

        form().nameProperty().set("My docs (prod)");
        assertTrue(form().dirtyProperty().get());
        assertTrue(vm.canSaveProperty().get());
        vm.save();
        assertEquals("My docs (prod)", service.find(added.id()).orElseThrow().name());
        assertFalse(form().dirtyProperty().get());

        vm.duplicate();
        Connection copy = vm.selectedProperty().get();
        assertEquals("My docs (prod) (copy)", copy.name());
        assertEquals(docsSync.token(), form().tokenProperty().get());

        dialogs.answerConfirm(true);
        vm.delete();
        assertTrue(service.find(copy.id()).isEmpty());
        assertTrue(dialogs.ofKind("confirm").get(0).message().contains("My docs (prod) (copy)"));
        assertTrue(vm.selectedProperty().get() != null, "another connection is shown");
    }

    @Test
    void deleteCanBeCancelledAndTheEnvironmentsConnectionIsNotDeletable() {
        open(Map.of(ConnectionService.TOKEN_ENV, docsSync.token()));
        Connection env = vm.selectedProperty().get();
        assertTrue(env.temporary());
        assertTrue(form().temporaryProperty().get());
        vm.delete();
        assertEquals(1, dialogs.ofKind("information").size());

        vm.select(vm.connections().get(1));
        dialogs.answerConfirm(false);
        Connection kept = vm.selectedProperty().get();
        vm.delete();
        assertTrue(service.find(kept.id()).isPresent());
    }

    @Test
    void unsavedEditsAreNotDroppedWithoutAsking() {
        Connection first = vm.selectedProperty().get();
        Connection other = vm.connections().stream().filter(c -> !c.id().equals(first.id())).findFirst().orElseThrow();
        form().notesProperty().set("half-typed");

        dialogs.answerConfirm(false);
        vm.select(other);
        assertEquals(first, vm.selectedProperty().get());
        assertEquals(first.id(), service.current().orElseThrow().id());
        assertEquals("half-typed", form().notesProperty().get());

        dialogs.answerConfirm(true);
        vm.select(other);
        assertEquals(other.id(), vm.selectedProperty().get().id());
        assertEquals(first.id(), service.current().orElseThrow().id(), "selecting is not choosing (issue 16)");
        assertFalse(vm.selectedIsCurrentProperty().get());

        vm.useSelected();
        assertEquals(other.id(), service.current().orElseThrow().id(), "Use this connection makes it current");
        assertEquals(other.id(), vm.currentIdProperty().get());
        assertTrue(vm.selectedIsCurrentProperty().get());
    }

    @Test
    void copyTokenClearsTheClipboardAfter30Seconds() {
        vm.copyToken();
        assertEquals(docsSync.token(), dialogs.clipboard);
        assertEquals(Duration.ofSeconds(30), dialogs.clipboardClearAfter);
        String note = dialogs.ofKind("notify-info").get(0).message();
        assertFalse(note.contains(docsSync.token()), note);
    }

    @Test
    void exportThenImportAsksForTheSecrets() throws Exception {
        addDocsSyncCopy("Team docs");
        Path file = home.resolve("team.json");
        dialogs.answerFile(file);
        vm.transfer().exportConnections();
        assertTrue(Files.exists(file));
        assertFalse(Files.readString(file).contains(docsSync.token()));

        // a fresh console imports it: only "Team docs" needs a secret (sandbox defaults carry none)
        Files.delete(home.resolve("connections.json"));
        open();
        dialogs.answerFile(file);
        promptAnswers.add(Optional.of(docsSync.token()));
        vm.transfer().importConnections();
        Connection imported = vm.selectedProperty().get();
        assertTrue(imported.name().startsWith("Team docs"), imported.name());
        assertEquals(Optional.of(docsSync.token()), service.token(imported).map(s -> s.reveal()));
        assertTrue(promptAnswers.isEmpty(), "asked exactly once");
    }

    @Test
    void optingInToTheSecretsFileAsksFirstAndUpdatesTheBanner() {
        dialogs.answerConfirm(false);
        vm.storage().useSecretsFile();
        assertTrue(vm.storage().fileOptInOfferedProperty().get());
        assertTrue(dialogs.ofKind("confirm").get(0).message().contains("0600"));

        dialogs.answerConfirm(true);
        vm.storage().useSecretsFile();
        assertFalse(vm.storage().fileOptInOfferedProperty().get());
        assertTrue(vm.storage().textProperty().get().contains("secrets.json"), vm.storage().textProperty().get());
    }

    @Test
    void revertRestoresTheSavedValuesIncludingTheToken() {
        form().tokenProperty().set("ntn_something_else_entirely_000000");
        form().nameProperty().set("changed");
        vm.revert();
        assertFalse(form().dirtyProperty().get());
        assertEquals(docsSync.token(), form().tokenProperty().get());
        assertNull(form().changedToken());
    }


    @Test
    void installationsCanBeChosenRemovedAndRevokedOnDelete() throws Exception {
        Connection app = service.add(Connection.builder(ConnectionKind.PUBLIC_OAUTH).name("App").baseUrl("sandbox")
                .clientId("cid").redirectUri("http://localhost:53682/callback").build(), null,
                dev.notionconsole.core.Secret.of("secret_vmtest_client_000000000001"));
        for (String bot : new String[] {"bot-a", "bot-b", "bot-c"}) {
            service.putInstallation(app.id(), new dev.notionconsole.connections.Installation(bot, "ws-" + bot, "WS " + bot,
                    null, null, null, null, null), dev.notionconsole.core.Secret.of("ntn_vmtest_access_" + bot + "_000000"), null);
        }
        vm.select(service.find(app.id()).orElseThrow());
        assertTrue(form().publicKindProperty().get());
        assertEquals(3, vm.installations().installations().size());
        assertEquals("bot-c", vm.selectedProperty().get().activeBotId(), "the newest authorization is used");

        vm.installations().useInstallation(vm.installations().installations().get(0));
        assertEquals("bot-a", service.find(app.id()).orElseThrow().activeBotId());

        dialogs.answerConfirm(true);
        vm.installations().removeInstallation(vm.installations().installations().get(1));
        assertEquals(java.util.List.of("bot-a", "bot-c"), vm.installations().installations().stream()
                .map(dev.notionconsole.connections.Installation::botId).toList());

        java.util.List<String> revoked = new java.util.ArrayList<>();
        service.setRevoker((c, i) -> revoked.add(i.botId()));
        dialogs.answerConfirm(true).answerConfirm(true);
        vm.delete();
        assertEquals(java.util.List.of("bot-a", "bot-c"), revoked);
        assertTrue(service.find(app.id()).isEmpty());
    }

    @Test
    void aTemplateInstallationOpensItsCopyInTheExplorerAsThatInstallation() throws Exception {
        Connection app = service.add(Connection.builder(ConnectionKind.PUBLIC_OAUTH).name("Kit").baseUrl("sandbox")
                .clientId("cid").redirectUri("http://localhost:53682/callback")
                .installationScope(dev.notionconsole.connections.InstallationScope.SELECTED_WORKSPACES).build(), null,
                dev.notionconsole.core.Secret.of("secret_vmtest_client_000000000002"));
        service.putInstallation(app.id(), new dev.notionconsole.connections.Installation("bot-t", "ws", "WS", null, null,
                "copy-id", null, null, "Standup Kit"), dev.notionconsole.core.Secret.of("ntn_vmtest_access_bot_t_000000"), null);
        service.putInstallation(app.id(), new dev.notionconsole.connections.Installation("bot-p", "ws", "WS", null, null,
                null, null, null), dev.notionconsole.core.Secret.of("ntn_vmtest_access_bot_p_000000"), null);
        java.util.List<dev.notionconsole.ui.common.ObjectRef> opened = new java.util.ArrayList<>();
        vm.installations().setOpenInExplorerAction(opened::add);
        vm.select(service.find(app.id()).orElseThrow());
        assertEquals(dev.notionconsole.connections.InstallationScope.SELECTED_WORKSPACES, form().installationScopeProperty().get());
        dev.notionconsole.connections.Installation template = vm.installations().installations().get(0);
        assertTrue(template.templateLine().contains("\"Standup Kit\""), template.templateLine());

        vm.installations().openTemplateCopy(template);
        assertEquals(java.util.List.of(new dev.notionconsole.ui.common.ObjectRef(app.id(), "page", "copy-id", "Standup Kit", null)), opened);
        Connection now = service.find(app.id()).orElseThrow();
        assertEquals("bot-t", now.activeBotId(), "the Explorer maps as the installation that sees the copy");
        assertEquals(app.id(), service.current().map(Connection::id).orElse(null));
    }

    @Test
    void changingTheKindAsksFirstWhenSecretsGo() throws Exception {
        addDocsSyncCopy("Kind change");
        Connection c = vm.selectedProperty().get();
        form().kindProperty().set(ConnectionKind.PERSONAL_ACCESS_TOKEN);
        vm.save();
        assertEquals(ConnectionKind.PERSONAL_ACCESS_TOKEN, service.find(c.id()).orElseThrow().kind(), "the token stays: no question");
        assertTrue(dialogs.ofKind("confirm").isEmpty());
        assertEquals(Optional.of(docsSync.token()), service.token(service.find(c.id()).orElseThrow()).map(s -> s.reveal()));

        form().kindProperty().set(ConnectionKind.PUBLIC_OAUTH);
        form().clientIdProperty().set("cid");
        form().clientSecretProperty().set("secret_vmtest_kind_change_0000001");
        form().redirectUriProperty().set("http://localhost:53682/callback");
        dialogs.answerConfirm(false);
        vm.save();
        assertEquals(ConnectionKind.PERSONAL_ACCESS_TOKEN, service.find(c.id()).orElseThrow().kind());
        assertTrue(dialogs.ofKind("confirm").get(0).message().contains("token is removed"));

        dialogs.answerConfirm(true);
        vm.save();
        assertEquals(ConnectionKind.PUBLIC_OAUTH, service.find(c.id()).orElseThrow().kind());
    }
}
