package dev.notionconsole.oauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.notionconsole.connections.Connection;
import dev.notionconsole.connections.ConnectionCaller;
import dev.notionconsole.connections.ConnectionService;
import dev.notionconsole.connections.Installation;
import dev.notionconsole.connections.InstallationScope;
import dev.notionconsole.core.concurrent.CancellationToken;
import dev.notionconsole.notion.ApiRequest;
import dev.notionconsole.notion.CallObserver;
import dev.notionconsole.notion.PageTitles;
import dev.notionconsole.sandbox.model.Ids;
import java.nio.file.Path;
import java.time.Duration;
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
    @TempDir
    Path home;
    private OAuthFixture fixture;
    private ConnectionService connections;
    private OAuthService oauth;
    private Connection connection;

    @BeforeEach
    void start() throws Exception {
        fixture = OAuthFixture.standupKit(home);
        connections = fixture.connections;
        oauth = fixture.oauth;
        connection = fixture.connection;
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    private Installation authorize(String user, String access) throws Exception {
        return oauth.authorize(connection, oauth.prepare(connection, fixture.personChoosing(user, access), Duration.ofSeconds(20)),
                new CancellationToken(), new OAuthService.FlowObserver() { });
    }

    @Test
    void duplicatingTheTemplateRecordsTheCopyAndTheInstallationSeesExactlyIt() throws Exception {
        Installation inst = authorize("Bob", "template");

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
        Installation inst = authorize("Bob", "pages");
        assertEquals(null, inst.duplicatedTemplateId());
        assertEquals(null, inst.templateLine());
    }

    @Test
    void aPersonOutsideTheInstallationScopeIsRefusedWithTheFix() throws Exception {
        OAuthException e = assertThrows(OAuthException.class, () -> authorize("Erin", "template"));
        assertEquals(OAuthException.Reason.NOT_INSTALLABLE, e.reason());
        String m = e.getMessage();
        assertTrue(m.contains("Globex Labs"), m);
        assertTrue(m.contains("\"Standup Kit\" is installable in selected workspaces only"), m);
        assertTrue(m.contains("cannot be changed") && m.contains("create a new public connection"), m);
        assertTrue(connections.find(connection.id()).orElseThrow().installations().isEmpty());
    }
}
