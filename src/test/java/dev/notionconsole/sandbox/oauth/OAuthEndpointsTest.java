package dev.notionconsole.sandbox.oauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.notionconsole.core.json.Json;
import dev.notionconsole.sandbox.SandboxOptions;
import dev.notionconsole.sandbox.SandboxServer;
import dev.notionconsole.sandbox.model.Connection;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The sandbox's OAuth endpoints on the wire, with a bare HTTP client (no console code in between): the shapes and
 * rules of docs/notion-api.md §2.10 and 8 "OAuth".
 */
class OAuthEndpointsTest {
    private static final String CLIENT_ID = "5b0c2d1e-7a3f-4c8e-9d10-5a4db0c0ffee";
    private static final String SECRET = "secret_sandbox_crm_bridge_FAKE_CLIENT_SECRET_0001";
    private static final String REDIRECT = "http://localhost:8765/callback";
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private SandboxServer server;
    private Connection crm;

    private void start(OAuthErrorStyle style) throws Exception {
        server = SandboxServer.start(SandboxOptions.builder().port(0).discoverExtensions(false)
                .extension(new OAuthExtension(style)).build());
        crm = server.model().read(() -> server.model().connectionByClientId(CLIENT_ID));
    }

    @BeforeEach
    void startDefault() throws Exception {
        start(OAuthErrorStyle.NOTION);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpResponse<String> get(String pathAndQuery) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + pathAndQuery)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String auth, String json) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        if (auth != null) {
            b.header("Authorization", auth);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String basic(String id, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((id + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private String authorizeQuery(String redirect) {
        return "/v1/oauth/authorize?client_id=" + CLIENT_ID + (redirect == null ? "" : "&redirect_uri=" + enc(redirect))
                + "&response_type=code&owner=user&state=s1";
    }

    /** Allow as Alice with the Engineering page; returns the code from the 302. */
    private String allow(String redirect) throws Exception {
        HttpResponse<String> page = get(authorizeQuery(redirect));
        assertEquals(200, page.statusCode(), page.body());
        Matcher user = Pattern.compile("<option value=\"([^\"]+)\"[^>]*>Alice Okafor").matcher(page.body());
        assertTrue(user.find());
        String form = "client_id=" + CLIENT_ID + "&redirect_uri=" + enc(redirect == null ? "" : redirect)
                + "&state=s1&response_type=code&owner=user&user_id=" + user.group(1)
                + "&page_id=" + dev.notionconsole.sandbox.model.Ids.fromKey("engineering") + "&decision=allow";
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/v1/oauth/authorize"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(302, r.statusCode(), r.body());
        String location = r.headers().firstValue("Location").orElseThrow();
        Matcher code = Pattern.compile("[?&]code=([^&]+)&state=s1$").matcher(location);
        assertTrue(code.find(), location);
        return java.net.URLDecoder.decode(code.group(1), StandardCharsets.UTF_8);
    }

    private static JsonNode json(HttpResponse<String> r) throws Exception {
        return Json.mapper().readTree(r.body());
    }

    @Test
    void theTokenResponseHasEveryDocumentedField() throws Exception {
        String code = allow(REDIRECT);
        HttpResponse<String> r = post("/v1/oauth/token", basic(CLIENT_ID, SECRET),
                "{\"grant_type\":\"authorization_code\",\"code\":\"" + code + "\",\"redirect_uri\":\"" + REDIRECT + "\"}");
        assertEquals(200, r.statusCode(), r.body());
        JsonNode j = json(r);
        for (String f : List.of("access_token", "token_type", "refresh_token", "bot_id", "workspace_id", "workspace_name",
                "workspace_icon", "owner", "duplicated_template_id", "request_id")) {
            assertTrue(j.has(f), "missing " + f + " in " + j);
        }
        assertEquals("bearer", j.get("token_type").asText());
        assertEquals("user", j.at("/owner/type").asText());
        assertEquals("person", j.at("/owner/user/type").asText());
        assertEquals("alice@acme.example", j.at("/owner/user/person/email").asText());
        assertTrue(j.get("duplicated_template_id").isNull());
    }

    @Test
    void redirectUriIsRequiredWhenTheAuthorizeUrlHadOneOrSeveralAreRegistered() throws Exception {
        String code = allow(REDIRECT);
        HttpResponse<String> r = post("/v1/oauth/token", basic(CLIENT_ID, SECRET),
                "{\"grant_type\":\"authorization_code\",\"code\":\"" + code + "\"}");
        assertEquals(400, r.statusCode());
        assertEquals("validation_error", json(r).get("code").asText());
        assertTrue(json(r).get("message").asText().contains("body.redirect_uri should be defined"), r.body());

        // several registered and none in the authorize URL: Notion's error page, no redirect
        HttpResponse<String> page = get(authorizeQuery(null));
        assertEquals(400, page.statusCode());
        assertTrue(page.body().contains("Missing or invalid redirect_uri"));
    }

    @Test
    void redirectUriIsForbiddenWhenExactlyOneIsRegisteredAndTheAuthorizeUrlHadNone() throws Exception {
        server.model().write(() -> crm.redirectUris().removeIf(u -> !u.equals(REDIRECT)));
        String code = allow(null);
        HttpResponse<String> r = post("/v1/oauth/token", basic(CLIENT_ID, SECRET),
                "{\"grant_type\":\"authorization_code\",\"code\":\"" + code + "\",\"redirect_uri\":\"" + REDIRECT + "\"}");
        assertEquals(400, r.statusCode());
        assertTrue(json(r).get("message").asText().contains("body.redirect_uri should be not present"), r.body());
        r = post("/v1/oauth/token", basic(CLIENT_ID, SECRET), "{\"grant_type\":\"authorization_code\",\"code\":\"" + code + "\"}");
        assertEquals(200, r.statusCode(), r.body());
    }

    @Test
    void badClientCredentialsAre401InRfcStyleEverywhere() throws Exception {
        for (String path : List.of("/v1/oauth/token", "/v1/oauth/introspect", "/v1/oauth/revoke")) {
            for (String auth : new String[] {null, basic(CLIENT_ID, "wrong"), basic("nobody", SECRET), "Basic !!!", "Bearer " + SECRET}) {
                HttpResponse<String> r = post(path, auth, "{\"token\":\"x\",\"grant_type\":\"refresh_token\",\"refresh_token\":\"x\"}");
                assertEquals(401, r.statusCode(), path + " " + auth);
                assertEquals("invalid_client", json(r).get("error").asText());
                assertFalse(json(r).has("code"), "not a Notion envelope: the SDKs cannot parse it either");
            }
        }
    }

    @Test
    void invalidGrantCanBeServedInRfcStyle() throws Exception {
        server.close();
        start(OAuthErrorStyle.RFC6749);
        HttpResponse<String> r = post("/v1/oauth/token", basic(CLIENT_ID, SECRET),
                "{\"grant_type\":\"authorization_code\",\"code\":\"made-up\",\"redirect_uri\":\"" + REDIRECT + "\"}");
        assertEquals(400, r.statusCode());
        assertEquals("invalid_grant", json(r).get("error").asText());
        assertTrue(json(r).has("error_description"));

        server.close();
        start(OAuthErrorStyle.NOTION);
        r = post("/v1/oauth/token", basic(CLIENT_ID, SECRET),
                "{\"grant_type\":\"authorization_code\",\"code\":\"made-up\",\"redirect_uri\":\"" + REDIRECT + "\"}");
        assertEquals("error", json(r).get("object").asText());
        assertEquals("invalid_grant", json(r).get("code").asText());
        assertEquals(json(r).get("request_id").asText(), r.headers().firstValue("x-notion-request-id").orElse(""));
    }

    @Test
    void authorizeRequestErrorsGoBackToAValidRedirectUri() throws Exception {
        HttpResponse<String> r = get("/v1/oauth/authorize?client_id=" + CLIENT_ID + "&redirect_uri=" + enc(REDIRECT)
                + "&response_type=token&owner=user&state=s2");
        assertEquals(302, r.statusCode());
        assertTrue(r.headers().firstValue("Location").orElseThrow().startsWith(REDIRECT + "?error=unsupported_response_type"));
        r = get("/v1/oauth/authorize?client_id=" + CLIENT_ID + "&redirect_uri=" + enc(REDIRECT) + "&response_type=code&state=s2");
        assertTrue(r.headers().firstValue("Location").orElseThrow().startsWith(REDIRECT + "?error=invalid_request"));
        r = get("/v1/oauth/authorize?client_id=nobody&redirect_uri=" + enc(REDIRECT) + "&response_type=code&owner=user");
        assertEquals(400, r.statusCode());
        assertTrue(r.body().contains("Missing or invalid client_id"));
        assertTrue(r.headers().firstValue("Location").isEmpty());
    }

    @Test
    void theConsentPageEscapesWhatItEchoes() throws Exception {
        server.model().write(() -> {
            crm.setName("<img src=x onerror=alert(1)>");
            return null;
        });
        HttpResponse<String> r = get(authorizeQuery(REDIRECT).replace("state=s1", "state=%22%3E%3Cscript%3Ealert(2)%3C%2Fscript%3E"));
        assertEquals(200, r.statusCode());
        assertFalse(r.body().contains("<img src=x"), "connection name escaped");
        assertFalse(r.body().contains("<script>alert(2)"), "state escaped");
        assertTrue(r.body().contains("&quot;&gt;&lt;script&gt;"));
    }
}
