package dev.notionconsole.sandbox.oauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.notionconsole.core.http.QueryString;
import dev.notionconsole.core.json.Json;
import dev.notionconsole.sandbox.SandboxOptions;
import dev.notionconsole.sandbox.SandboxServer;
import dev.notionconsole.sandbox.model.Ids;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The default fixture's Standup Kit (a template, installable in Acme only) through the sandbox's OAuth flow, the test
 * playing the browser: duplicating the template yields an installation that sees exactly the copy; a Globex person is
 * refused with {@code error=access_denied} (docs/notion-api.md §2.10, decision 0120).
 */
class TemplateAndScopeTest {
    static final String CLIENT_ID = "7c1e9a40-2b5d-4f3e-8a61-0d5e7a7e5a11";
    static final String SECRET = "secret_sandbox_standup_kit_FAKE_CLIENT_SECRET_01";
    static final String REDIRECT = "http://localhost:8765/callback";
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private SandboxServer server;

    @BeforeEach
    void start() throws Exception {
        server = SandboxServer.start(SandboxOptions.builder().port(0).discoverExtensions(false)
                .extension(new OAuthExtension(OAuthErrorStyle.NOTION)).build());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private String consentPage() throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/v1/oauth/authorize?client_id="
                + CLIENT_ID + "&redirect_uri=" + enc(REDIRECT) + "&response_type=code&owner=user&state=s1")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return r.body();
    }

    /** Submits the consent form as the named person; returns the redirect's query parameters. */
    private Map<String, List<String>> allowAs(String person, String access) throws Exception {
        Matcher user = Pattern.compile("<option value=\"([^\"]+)\"[^>]*>" + person).matcher(consentPage());
        assertTrue(user.find(), person);
        String form = "client_id=" + CLIENT_ID + "&redirect_uri=" + enc(REDIRECT) + "&state=s1&response_type=code&owner=user"
                + "&user_id=" + user.group(1) + "&access=" + access + "&decision=allow";
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/v1/oauth/authorize"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(302, r.statusCode(), r.body());
        String location = r.headers().firstValue("Location").orElseThrow();
        assertTrue(location.startsWith(REDIRECT + "?"), location);
        return QueryString.parseMulti(URI.create(location).getRawQuery());
    }

    private JsonNode exchange(String code) throws Exception {
        String auth = "Basic " + Base64.getEncoder().encodeToString((CLIENT_ID + ":" + SECRET).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/v1/oauth/token"))
                .header("Authorization", auth).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"grant_type\":\"authorization_code\",\"code\":\"" + code
                        + "\",\"redirect_uri\":\"" + REDIRECT + "\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return Json.mapper().readTree(r.body());
    }

    private JsonNode call(String token, String method, String path, String body) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
                .header("Authorization", "Bearer " + token).header("Notion-Version", "2026-03-11")
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), path + " " + r.body());
        return Json.mapper().readTree(r.body());
    }

    @Test
    void theConsentPageOffersTheTemplateBesideThePagePicker() throws Exception {
        String page = consentPage();
        assertTrue(page.contains("Duplicate template"), page);
        assertTrue(page.contains("Select pages"), page);
        assertTrue(page.contains("Standup Kit"), page);
        assertTrue(page.contains("id=\"access_template\" value=\"template\" checked"), "the template is the first choice");
    }

    @Test
    void duplicatingTheTemplateMakesAnInstallationThatSeesExactlyTheCopy() throws Exception {
        Map<String, List<String>> answer = allowAs("Bob Lindqvist", "template");
        assertEquals(List.of("s1"), answer.get("state"));
        JsonNode grant = exchange(answer.get("code").get(0));
        String copy = grant.get("duplicated_template_id").asText();
        assertNotEquals(Ids.fromKey("standup-kit-home"), copy, "the copy has a new id");
        String token = grant.get("access_token").asText();

        JsonNode found = call(token, "POST", "/v1/search", "{}");
        Set<String> titles = new TreeSet<>();
        Set<String> ids = new TreeSet<>();
        found.get("results").forEach(r -> {
            ids.add(r.get("id").asText());
            titles.add(r.at("/properties/title/title/0/plain_text").asText());
        });
        assertEquals(Set.of("Standup Kit", "How we run standups"), titles, found.toString());
        assertTrue(ids.contains(copy));

        JsonNode top = call(token, "GET", "/v1/pages/" + copy, null);
        assertTrue(top.at("/parent/workspace").asBoolean(), top.toString());
        JsonNode bob = call(token, "GET", "/v1/users/me", null);
        assertEquals(bob.at("/bot/owner/user/id").asText(), top.at("/created_by/id").asText(), "created by the authorizing person");
        JsonNode blocks = call(token, "GET", "/v1/blocks/" + copy + "/children", null);
        List<String> types = new java.util.ArrayList<>();
        blocks.get("results").forEach(b -> types.add(b.get("type").asText()));
        assertEquals(List.of("paragraph", "to_do", "child_page"), types);

        // the copy is the person's private page: Alice's token does not see it
        JsonNode alice = call("ntn_sandbox_alice_pat_FAKE_TOKEN_0000000000007", "POST", "/v1/search", "{\"query\":\"Standup\"}");
        alice.get("results").forEach(r -> assertFalse(ids.contains(r.get("id").asText()), alice.toString()));
    }

    @Test
    void choosingPagesInsteadDuplicatesNothing() throws Exception {
        Map<String, List<String>> answer = allowAs("Bob Lindqvist", "pages");
        JsonNode grant = exchange(answer.get("code").get(0));
        assertTrue(grant.get("duplicated_template_id").isNull());
        JsonNode found = call(grant.get("access_token").asText(), "POST", "/v1/search", "{}");
        assertEquals(0, found.get("results").size(), found.toString());
    }

    @Test
    void aPersonOfAWorkspaceOutsideTheScopeIsRefused() throws Exception {
        Map<String, List<String>> answer = allowAs("Erin", "template");
        assertEquals(List.of("access_denied"), answer.get("error"));
        assertEquals(List.of("s1"), answer.get("state"));
        assertFalse(answer.containsKey("code"));
        String why = answer.get("error_description").get(0);
        assertTrue(why.startsWith(OAuthEndpoints.OUT_OF_SCOPE_PREFIX), why);
        assertTrue(why.contains("Globex Labs") && why.contains("selected workspaces only"), why);
        assertEquals(0, server.model().read(() -> server.model().connectionByClientId(CLIENT_ID).installations().size()));
    }

    @Test
    void aStateFileKeepsTheTemplateTheScopeAndTheCopy() throws Exception {
        JsonNode grant = exchange(allowAs("Bob Lindqvist", "template").get("code").get(0));
        var model = server.model();
        JsonNode state = model.read(() -> dev.notionconsole.sandbox.fixture.FixtureWriter.write(model));
        var reloaded = dev.notionconsole.sandbox.fixture.FixtureLoader.load(state, "(state)", java.time.Clock.systemUTC());
        var kit = reloaded.connectionByClientId(CLIENT_ID);
        assertEquals(Set.of("acme"), kit.installationScope());
        assertEquals("Standup Kit", dev.notionconsole.sandbox.fixture.FixtureTemplate.title(kit.template()));
        assertEquals(grant.get("duplicated_template_id").asText(), kit.installations().get(0).duplicatedTemplateId());
    }

    @Test
    void aFixtureWithABadTemplateOrScopeSaysWhere() {
        String fixture = """
                {"fixture_version": 1, "workspaces": [{"id": "w", "name": "W"}], "users": [{"id": "u", "name": "U", "workspace": "w"}],
                 "connections": [{"kind": "public", "id": "p", "name": "P", "client_id": "c", "client_secret": "s",
                   "redirect_uris": ["http://localhost:1/cb"], "installation_scope": ["w", "nowhere"],
                   "template": [{"id": "t", "title": "T"}, {"id": "t2", "title": "T2", "parent": {"page": "elsewhere"}}]}]}
                """;
        List<String> problems = dev.notionconsole.sandbox.fixture.FixtureLoader.validate(fixture.getBytes(StandardCharsets.UTF_8));
        assertTrue(problems.contains("connections[0].template[1].parent: a template page's parent is a page or block of the template, or none"),
                problems.toString());
        assertTrue(problems.contains("connections[0].installation_scope[1]: no workspace with id \"nowhere\""), problems.toString());
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
