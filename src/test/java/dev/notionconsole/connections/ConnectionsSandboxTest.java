package dev.notionconsole.connections;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.notionconsole.core.concurrent.CancellationToken;
import dev.notionconsole.notion.Capability;
import dev.notionconsole.testsupport.SandboxConnections;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The default sandbox connections end to end: seeded on first start, tested over HTTP against the real sandbox. */
class ConnectionsSandboxTest {
    @RegisterExtension
    static final SandboxConnections sandbox = SandboxConnections.defaults();

    Path home;

    ConnectionService open() {
        home = sandbox.home();
        return sandbox.reopen(Map.of());
    }

    @Test
    void firstStartAddsTheSandboxConnectionsAndMakesOneCurrent() throws Exception {
        ConnectionService service = open();
        List<Connection> all = service.list();
        assertEquals(sandbox.server().connections().size(), all.size());
        assertTrue(all.stream().allMatch(c -> c.isSandbox() && c.name().startsWith("Sandbox: ") && c.sandboxRef() != null));
        // paced by their workspace's plan: Acme is on Business (600/min), Globex on Free (180/min)
        assertEquals(RatePlan.BUSINESS, byName(all, "Sandbox: Docs Sync").ratePlan());
        assertEquals(RatePlan.STANDARD, byName(all, "Sandbox: Lab Assistant").ratePlan());
        Connection current = service.current().orElseThrow();
        assertEquals(ConnectionKind.INTERNAL, current.kind());
        assertTrue(current.isSandbox());

        String file = Files.readString(home.resolve("connections.json"));
        for (var sc : sandbox.server().connections()) {
            if (sc.token() != null) {
                assertFalse(file.contains(sc.token()), "fake tokens come from the fixture, not the file");
            }
        }

        // deleted defaults stay deleted on the next start
        service.remove(all.get(0).id());
        assertEquals(all.size() - 1, open().list().size());
    }

    @Test
    void everyDefaultConnectionTestsAsTheFixtureSays() throws Exception {
        ConnectionService service = open();
        Map<String, IdentityCheck.Outcome> outcomes = service.list().stream().collect(Collectors.toMap(
                c -> c.name().substring("Sandbox: ".length()), c -> {
                    try {
                        return service.testConnection(c, CancellationToken.none()).outcome();
                    } catch (Exception e) {
                        throw new AssertionError(e);
                    }
                }));
        assertEquals(IdentityCheck.Outcome.OK, outcomes.get("Docs Sync"));
        assertEquals(IdentityCheck.Outcome.OK, outcomes.get("Alice's token"));
        assertEquals(IdentityCheck.Outcome.OK, outcomes.get("CRM Bridge"));
        assertEquals(IdentityCheck.Outcome.UNAUTHORIZED, outcomes.get("Retired Importer"));
        assertEquals(IdentityCheck.Outcome.UNAUTHORIZED, outcomes.get("Bob's old token"));

        Connection docs = service.list().stream().filter(c -> c.name().equals("Sandbox: Docs Sync")).findFirst().orElseThrow();
        assertEquals(ConnectionKind.INTERNAL, docs.lastCheck().detectedKind());
        assertEquals("Docs Sync", docs.lastCheck().botName());
        assertTrue(docs.lastCheck().workspaceName() != null, docs.lastCheck().toString());

        Connection alice = service.list().stream().filter(c -> c.name().equals("Sandbox: Alice's token")).findFirst().orElseThrow();
        assertEquals(ConnectionKind.PERSONAL_ACCESS_TOKEN, alice.lastCheck().detectedKind());
        assertTrue(alice.lastCheck().ownerUser() != null && alice.lastCheck().ownerUser().name().startsWith("Alice"),
                alice.lastCheck().toString());
    }

    @Test
    void aPersonalTokenDeclaredInternalIsFlagged() throws Exception {
        ConnectionService service = open();
        var alice = sandbox.fixtureConnection("Alice's token");
        Connection wrong = service.add(Connection.builder(ConnectionKind.INTERNAL).name("Mislabelled").baseUrl("sandbox").build(),
                dev.notionconsole.core.Secret.of(alice.token()), null);
        IdentityCheck check = service.testConnection(wrong, CancellationToken.none());
        assertEquals(IdentityCheck.Outcome.KIND_MISMATCH, check.outcome(), check.summary());
    }

    @Test
    void capabilitiesAreLearnedFromAnswers() throws Exception {
        ConnectionService service = open();
        Connection wiki = service.list().stream().filter(c -> c.name().equals("Sandbox: Wiki Reader")).findFirst().orElseThrow();
        var client = service.clientFor(wiki);
        String anyId = "59833787-2cf9-4fdf-8782-e53db20768a5";
        for (var req : List.of(dev.notionconsole.notion.ApiRequest.post("/v1/search", "{}"),
                dev.notionconsole.notion.ApiRequest.get("/v1/comments").query("block_id", anyId),
                dev.notionconsole.notion.ApiRequest.get("/v1/users"),
                dev.notionconsole.notion.ApiRequest.get("/v1/pages/" + anyId))) {
            service.learnFrom(wiki, client.send(req));
        }
        Connection learned = service.find(wiki.id()).orElseThrow();
        assertTrue(learned.learned(Capability.READ_CONTENT).orElseThrow().present(), learned.capabilities().toString());
        LearnedCapability comments = learned.learned(Capability.READ_COMMENTS).orElseThrow();
        assertFalse(comments.present());
        assertTrue(comments.evidence().contains("403 restricted_resource on GET /v1/comments"), comments.evidence());
        assertFalse(learned.learned(Capability.USER_INFO).orElseThrow().present());
        assertTrue(learned.learned(Capability.READ_CONTENT).orElseThrow().evidence().contains("POST /v1/search"),
                "the 404 on the unshared page said nothing about reading");
        assertEquals(learned, open().find(wiki.id()).orElseThrow(), "remembered in the file");
    }

    private static Connection byName(List<Connection> all, String name) {
        return all.stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow(() -> new AssertionError(name));
    }
}
