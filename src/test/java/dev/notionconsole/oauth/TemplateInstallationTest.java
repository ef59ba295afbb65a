package dev.notionconsole.oauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.notionconsole.connections.Connection;
import dev.notionconsole.connections.ConnectionCaller;
import dev.notionconsole.connections.ConnectionKind;
import dev.notionconsole.connections.ConnectionService;
import dev.notionconsole.connections.ConnectionServices;
import dev.notionconsole.connections.Installation;
import dev.notionconsole.connections.InstallationScope;
import dev.notionconsole.connections.SandboxAccess;
import dev.notionconsole.core.AppDirs;
import dev.notionconsole.core.Secret;
import dev.notionconsole.core.concurrent.CancellationToken;
import dev.notionconsole.notion.ApiRequest;
import dev.notionconsole.notion.CallObserver;
import dev.notionconsole.notion.PageTitles;
import dev.notionconsole.sandbox.model.Ids;
import dev.notionconsole.sandbox.oauth.OAuthErrorStyle;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The default fixture's Standup Kit (a template; installable in Acme only) authorized through the console's OAuth
 * service over real HTTP, the test playing the browser (decision 0120): duplicating the template gives an
 * installation that records the copy and sees exactly it; a Globex person is refused with the fix explained.
 */
class TemplateInstallationTest {
    static final String CLIENT_ID = "7c1e9a40-2b5d-4f3e-8a61-0d5e7a7e5a11";
    static final String CLIENT_SECRET = "secret_sandbox_standup_kit_FAKE_CLIENT_SECRET_01";

    @TempDir
    Path home;
    private TestSandbox sandbox;
    private ConnectionService connections;
    private OAuthService oauth;
    private Connection connection;
    private final BrowserPlayer browser = new BrowserPlayer();

    @BeforeEach
    void start() throws Exception {
        sandbox = new TestSandbox(OAuthErrorStyle.NOTION);
        RedirectUri redirect = RedirectUri.defaultFor(LoopbackListenerTest.freePort());
        var kit = sandbox.model.read(() -> sandbox.model.connectionByClientId(CLIENT_ID));
        sandbox.model.write(() -> kit.redirectUris().add(redirect.value()));
        connections = ConnectionServices.open(new AppDirs(home), Map.of(ConnectionServices.SECRETS_ENV, "session"),
                SandboxAccess.NONE, Runnable::run);
        connection = connections.add(Connection.builder(ConnectionKind.PUBLIC_OAUTH).name("Standup Kit")
                .baseUrl(sandbox.baseUrl()).clientId(CLIENT_ID).redirectUri(redirect.value())
                .installationScope(InstallationScope.SELECTED_WORKSPACES).build(), null, Secret.of(CLIENT_SECRET));
        oauth = new OAuthService(connections);
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    /** Authorizes as the person, choosing "Duplicate template" (or "Select pages") on the consent page. */
    static Person choosing(BrowserPlayer browser, String user, String access) {
        return new Person(browser, user, List.of(), "allow", fields -> {
            fields.put("access", access);
            return fields;
        }, e -> { });
    }

    private Installation authorize(Person person) throws Exception {
        return oauth.authorize(connection, oauth.prepare(connection, person, Duration.ofSeconds(20)), new CancellationToken(),
                new OAuthService.FlowObserver() { });
    }

    @Test
    void duplicatingTheTemplateRecordsTheCopyAndTheInstallationSeesExactlyIt() throws Exception {
        Installation inst = authorize(choosing(browser, "Bob", "template"));

        assertTrue(inst.duplicatedTemplateId() != null, inst.toString());
        assertTrue(!inst.duplicatedTemplateId().equals(Ids.fromKey("standup-kit-home")), "a copy, not the template");
        assertEquals("Standup Kit", inst.duplicatedTemplateTitle());
        assertTrue(inst.templateLine().contains("\"Standup Kit\""), inst.templateLine());
        Connection saved = connections.find(connection.id()).orElseThrow();
        assertEquals(InstallationScope.SELECTED_WORKSPACES, saved.installationScope());
        assertEquals("Standup Kit", saved.installation(inst.botId()).orElseThrow().duplicatedTemplateTitle(), "stored");

        ConnectionCaller.Reply reply = new ConnectionCaller(connections, oauth).send(saved, ApiRequest.post("/v1/search", "{}"),
                CancellationToken.none(), CallObserver.NONE);
        assertEquals(200, reply.exchange().status(), reply.exchange().text());
        Set<String> titles = new TreeSet<>();
        Set<String> ids = new TreeSet<>();
        for (JsonNode r : reply.exchange().json().get("results")) {
            titles.add(PageTitles.pageTitle(r.get("properties")));
            ids.add(r.get("id").asText());
        }
        assertEquals(Set.of("How we run standups", "Standup Kit"), titles);
        assertTrue(ids.contains(inst.duplicatedTemplateId()));
    }

    @Test
    void pickingPagesInsteadRecordsNoTemplate() throws Exception {
        Installation inst = authorize(choosing(browser, "Bob", "pages"));
        assertEquals(null, inst.duplicatedTemplateId());
        assertEquals(null, inst.templateLine());
    }

    @Test
    void aPersonOutsideTheInstallationScopeIsRefusedWithTheFix() throws Exception {
        OAuthException e = assertThrows(OAuthException.class, () -> authorize(choosing(browser, "Erin", "template")));
        assertEquals(OAuthException.Reason.NOT_INSTALLABLE, e.reason());
        String m = e.getMessage();
        assertTrue(m.contains("Globex Labs"), m);
        assertTrue(m.contains("\"Standup Kit\" is installable in selected workspaces only"), m);
        assertTrue(m.contains("cannot be changed") && m.contains("create a new public connection"), m);
        assertTrue(connections.find(connection.id()).orElseThrow().installations().isEmpty());
    }
}
