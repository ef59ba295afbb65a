package dev.notionconsole.sandbox.oauth;

import dev.notionconsole.core.http.QueryString;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.notionconsole.sandbox.fixture.FixtureTemplate;
import dev.notionconsole.sandbox.http.ApiError;
import dev.notionconsole.sandbox.http.Call;
import dev.notionconsole.sandbox.http.Response;
import dev.notionconsole.sandbox.http.Route;
import dev.notionconsole.sandbox.http.Router;
import dev.notionconsole.sandbox.model.Capability;
import dev.notionconsole.sandbox.model.Connection;
import dev.notionconsole.sandbox.model.Installation;
import dev.notionconsole.sandbox.model.Node;
import dev.notionconsole.sandbox.model.SandboxModel;
import dev.notionconsole.sandbox.model.TokenRegistry;
import dev.notionconsole.sandbox.model.User;
import dev.notionconsole.sandbox.model.UserInfo;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The sandbox's OAuth endpoints for public connections (docs/notion-api.md §2.10 and 8 "OAuth"):
 * <ul>
 *   <li>{@code GET /v1/oauth/authorize}: the consent page; {@code POST} is its form (contract in TEAM.md).
 *       An unknown client or an unregistered redirect URI gets an HTML error page and no redirect. Allow redirects
 *       with a single-use code, Cancel with {@code error=access_denied}; both echo {@code state}.</li>
 *   <li>{@code POST /v1/oauth/token}: HTTP Basic client credentials; {@code authorization_code} (enforcing the
 *       redirect_uri required/forbidden rule) installs the connection for the user with exactly the picked pages;
 *       {@code refresh_token} rotates both tokens. Refusals are 400 invalid_grant; bad credentials 401.</li>
 *   <li>{@code POST /v1/oauth/introspect} and {@code /v1/oauth/revoke}; a revoked token gets 401 everywhere,
 *       because every route resolves tokens through the model's token registry.</li>
 * </ul>
 *
 * <p>Over 400 lines, knowingly: the four OAuth routes share the client-credential check, the error shapes and the token
 * issue, so Notion's OAuth contract reads in one file.
 */
public final class OAuthEndpoints {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Starts the error_description of a refusal for installation scope, for clients that want to recognise it. */
    public static final String OUT_OF_SCOPE_PREFIX = "This connection cannot be installed in workspace";
    private static final String ALPHANUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private final SandboxModel model;
    private final OAuthErrorStyle errorStyle;
    private final AuthorizationCodes codes;
    /** refresh token -> the access token issued with it; rotation and revocation retire both. */
    private final Map<String, String> pairs = new ConcurrentHashMap<>();

    private OAuthEndpoints(SandboxModel model, OAuthErrorStyle errorStyle) {
        this.model = model;
        this.errorStyle = errorStyle;
        this.codes = new AuthorizationCodes(model.clock());
    }

    /** Registers the four endpoints on the sandbox's router. */
    public static OAuthEndpoints register(Router router, SandboxModel model, OAuthErrorStyle errorStyle) {
        OAuthEndpoints e = new OAuthEndpoints(model, errorStyle);
        router.route("GET", "/v1/oauth/authorize").auth(Route.Auth.NONE).requiresVersion(false).handle(e::consentPage);
        router.route("POST", "/v1/oauth/authorize").auth(Route.Auth.NONE).requiresVersion(false).handle(e::consentDecision);
        router.route("POST", "/v1/oauth/token").auth(Route.Auth.BASIC).requiresVersion(false).mutating().handle(e::token);
        router.route("POST", "/v1/oauth/introspect").auth(Route.Auth.BASIC).requiresVersion(false).handle(e::introspect);
        router.route("POST", "/v1/oauth/revoke").auth(Route.Auth.BASIC).requiresVersion(false).mutating().handle(e::revoke);
        return e;
    }

    // ---- authorize ------------------------------------------------------------------------------------------

    /** A checked authorize request: the connection and the redirect URI to use, or the page to show instead. */
    private record Checked(Connection connection, String redirectUri, boolean redirectUriSent, Response refusal) {
    }

    private Checked check(String clientId, String redirectUri) {
        Connection c = clientId == null ? null : model.connectionByClientId(clientId);
        if (c == null || c.kind() != Connection.Kind.PUBLIC) {
            return new Checked(null, null, false, html(400, ConsentPage.error("Missing or invalid client_id",
                    "No public connection has the client ID in this link. Copy the OAuth client ID from the connection's settings.")));
        }
        boolean sent = redirectUri != null && !redirectUri.isEmpty();
        String uri = sent ? redirectUri : c.redirectUris().size() == 1 ? c.redirectUris().get(0) : null;
        // exact string match, like Notion (oauth-loopback.md 4.3): no port or trailing-slash leniency
        if (uri == null || !c.redirectUris().contains(uri)) {
            return new Checked(c, null, sent, html(400, ConsentPage.error("Missing or invalid redirect_uri",
                    "The redirect_uri in this link is not one of the redirect URIs registered for \"" + c.name()
                            + "\". Register it exactly, character for character, in the connection's OAuth settings.")));
        }
        return new Checked(c, uri, sent, null);
    }

    private Response consentPage(Call call) {
        Checked checked = check(call.queryParam("client_id"), call.queryParam("redirect_uri"));
        if (checked.refusal() != null) {
            return checked.refusal();
        }
        String state = call.queryParam("state");
        Response bad = checkResponseTypeAndOwner(checked, call.queryParam("response_type"), call.queryParam("owner"), state);
        if (bad != null) {
            return bad;
        }
        ConsentPage.Request request = new ConsentPage.Request(call.queryParam("client_id"), checked.redirectUriSent() ? checked.redirectUri() : "",
                state, call.queryParam("response_type"), call.queryParam("owner"));
        return renderConsent(checked.connection(), request, call.queryParam("user_id"), Set.of(),
                checked.connection().template() != null, null, 200);
    }

    private Response checkResponseTypeAndOwner(Checked checked, String responseType, String owner, String state) {
        // RFC 6749 4.1.2.1: with a valid redirect URI, request errors go back to the client
        if (!"code".equals(responseType)) {
            return redirect(checked.redirectUri(), Map.of("error", "unsupported_response_type",
                    "error_description", "response_type must be \"code\""), state);
        }
        if (!"user".equals(owner)) {
            return redirect(checked.redirectUri(), Map.of("error", "invalid_request",
                    "error_description", "owner must be \"user\""), state);
        }
        return null;
    }

    private Response renderConsent(Connection c, ConsentPage.Request request, String userId, Set<String> checked,
                                   boolean templateChosen, String problem, int status) {
        List<User> people = model.read(() -> ConsentPage.people(model));
        User selected = people.stream().filter(u -> u.id().equals(userId)).findFirst().orElse(people.isEmpty() ? null : people.get(0));
        List<ConsentPage.Item> pages = selected == null ? List.of() : model.read(() -> ConsentPage.pagesFor(model, selected));
        return html(status, ConsentPage.render(c, request, people, selected, pages, new ConsentPage.Choice(checked, templateChosen), problem));
    }

    private Response consentDecision(Call call) {
        Map<String, List<String>> form = parseForm(call.rawBody());
        String clientId = first(form, "client_id");
        String sentRedirect = first(form, "redirect_uri");
        Checked checked = check(clientId, sentRedirect);
        if (checked.refusal() != null) {
            return checked.refusal();
        }
        String state = first(form, "state");
        Response bad = checkResponseTypeAndOwner(checked, first(form, "response_type"), first(form, "owner"), state);
        if (bad != null) {
            return bad;
        }
        String decision = first(form, "decision");
        if ("cancel".equals(decision)) {
            return redirect(checked.redirectUri(), Map.of("error", "access_denied"), state);
        }
        ConsentPage.Request request = new ConsentPage.Request(clientId, sentRedirect == null ? "" : sentRedirect, state,
                first(form, "response_type"), first(form, "owner"));
        String userId = first(form, "user_id");
        boolean template = "template".equals(first(form, "access")) && checked.connection().template() != null;
        Set<String> picked = template ? Set.of() : new LinkedHashSet<>(form.getOrDefault("page_id", List.of()));
        if ("switch_user".equals(decision)) {
            return renderConsent(checked.connection(), request, userId, Set.of(), template, null, 200);
        }
        if (!"allow".equals(decision)) {
            return renderConsent(checked.connection(), request, userId, picked, template, "Choose Allow access or Cancel.", 400);
        }
        User user = userId == null ? null : model.read(() -> model.user(userId));
        if (user == null || user.isBot()) {
            return renderConsent(checked.connection(), request, null, picked, template, "Pick the person who is authorizing.", 400);
        }
        if (!checked.connection().installableIn(user.workspace())) {
            // decision 0120: Notion documents the scope, not how its authorize step refuses it; the sandbox ends the
            // flow as Cancel does (docs/notion-api.md §2.10), saying why
            return redirect(checked.redirectUri(), Map.of("error", "access_denied", "error_description",
                    OUT_OF_SCOPE_PREFIX + " \"" + user.workspace().name() + "\": \"" + checked.connection().name()
                            + "\" was created for selected workspaces only, and this is not one of them."), state);
        }
        List<String> notAccessible = model.read(() -> picked.stream().filter(id -> {
            Node n = model.node(id);
            return n == null || (n.kind() != Node.Kind.PAGE && n.kind() != Node.Kind.DATABASE)
                    || !model.visibility().userCanSee(user, n);
        }).toList());
        if (!notAccessible.isEmpty()) {
            return renderConsent(checked.connection(), request, userId, picked, template,
                    user.name() + " cannot access " + notAccessible.size() + " of the picked pages; pick only pages listed here.", 400);
        }
        String code = codes.issue(checked.connection(), user, new ArrayList<>(picked), template,
                checked.redirectUriSent() ? checked.redirectUri() : null);
        return redirect(checked.redirectUri(), Map.of("code", code), state);
    }

    /** 302 to the redirect URI with the parameters, always echoing state (empty when none was sent, as Notion does). */
    private static Response redirect(String redirectUri, Map<String, String> params, String state) {
        Map<String, String> all = new LinkedHashMap<>();
        if (params.containsKey("code")) {
            all.put("code", params.get("code"));
        }
        if (params.containsKey("error")) {
            all.put("error", params.get("error"));
            if (params.containsKey("error_description")) {
                all.put("error_description", params.get("error_description"));
            }
        }
        all.put("state", state == null ? "" : state);
        String query = all.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
        return Response.redirect(redirectUri + (redirectUri.contains("?") ? "&" : "?") + query).header("Cache-Control", "no-store");
    }

    // ---- token ----------------------------------------------------------------------------------------------

    private Response token(Call call) {
        Connection client = ClientAuth.authenticate(call.header("Authorization"), model);
        if (client == null) {
            return invalidClient();
        }
        String grantType = text(call.body("grant_type"));
        if (grantType == null) {
            throw ApiError.bodyInvalid("body.grant_type should be defined, instead was `undefined`.");
        }
        return switch (grantType) {
            case "authorization_code" -> exchangeCode(call, client);
            case "refresh_token" -> refresh(call, client);
            default -> throw ApiError.bodyInvalid("body.grant_type should be `\"authorization_code\"` or `\"refresh_token\"`, instead was `\""
                    + grantType + "\"`.");
        };
    }

    private Response exchangeCode(Call call, Connection client) {
        String code = text(call.body("code"));
        if (code == null) {
            throw ApiError.bodyInvalid("body.code should be defined, instead was `undefined`.");
        }
        AuthorizationCodes.Refusal[] why = new AuthorizationCodes.Refusal[1];
        AuthorizationCodes.Grant grant = codes.peek(code, client, why);
        if (grant == null) {
            return invalidGrant(call, switch (why[0]) {
                case USED -> "Invalid code: this code has been revoked.";
                case EXPIRED -> "Invalid code: this code has expired.";
                case OTHER_CLIENT -> "Invalid code: this code was issued to another client.";
                default -> "Invalid code: this code does not exist.";
            });
        }
        JsonNode redirectNode = call.body("redirect_uri");
        String redirect = text(redirectNode);
        // docs/notion-api.md §2.10: required when the authorize URL had one (or >1 are registered); not allowed when
        // exactly one is registered and the authorize URL had none
        if (grant.redirectUriSent() != null) {
            if (redirect == null) {
                throw ApiError.bodyInvalid("body.redirect_uri should be defined, instead was `undefined`.");
            }
            if (!redirect.equals(grant.redirectUriSent())) {
                return invalidGrant(call, "Invalid redirect_uri: it does not match the redirect_uri of the authorization request.");
            }
        } else if (redirectNode != null && !redirectNode.isNull()) {
            throw ApiError.bodyInvalid("body.redirect_uri should be not present, instead was `\"" + redirect + "\"`.");
        }
        if (!codes.consume(code)) {
            return invalidGrant(call, "Invalid code: this code has been revoked.");
        }
        List<String> pages = grant.pickedPages();
        String duplicated = null;
        if (grant.duplicateTemplate()) {
            // the copy is made when the code is exchanged, so an unexchanged code leaves the workspace as it was
            List<Node> copy = FixtureTemplate.duplicate(model, client.template(), grant.user());
            pages = copy.stream().map(Node::id).toList();
            duplicated = copy.get(0).id();
        }
        Installation inst = model.installationOf(client, grant.user());
        if (inst == null) {
            inst = model.install(client, grant.user(), model.newId(), pages);
        } else {
            // authorizing again replaces the pick (the user revisited the picker); same bot
            inst.pickedPages().clear();
            inst.pickedPages().addAll(pages);
            model.sharesChanged();
        }
        inst.setDuplicatedTemplateId(duplicated);
        return Response.ok(issueTokens(call, inst));
    }

    private Response refresh(Call call, Connection client) {
        String refreshToken = text(call.body("refresh_token"));
        if (refreshToken == null) {
            throw ApiError.bodyInvalid("body.refresh_token should be defined, instead was `undefined`.");
        }
        TokenRegistry.Entry e = model.tokens().lookup(refreshToken);
        Instant now = model.clock().instant();
        if (e == null || e.type() != TokenRegistry.Type.REFRESH || e.connection() != client || !e.activeAt(now)) {
            return invalidGrant(call, "Invalid refresh token: it has been revoked, already used, or belongs to another client.");
        }
        // rotation: the old refresh token and the access token issued with it stop working
        retire(refreshToken);
        return Response.ok(issueTokens(call, e.installation()));
    }

    private void retire(String refreshToken) {
        TokenRegistry.Entry refresh = model.tokens().lookup(refreshToken);
        model.tokens().revoke(refreshToken);
        String access = pairs.remove(refreshToken);
        if (access != null) {
            model.tokens().revoke(access);
        } else if (refresh != null && refresh.installation() != null) {
            // a pair from the fixture or a saved state: the access tokens issued with it (same install, same time)
            for (TokenRegistry.Entry e : model.tokens().tokensOf(refresh.installation(), TokenRegistry.Type.ACCESS,
                    model.clock().instant())) {
                if (e.issuedAt().equals(refresh.issuedAt())) {
                    model.tokens().revoke(e.token());
                }
            }
        }
    }

    private ObjectNode issueTokens(Call call, Installation inst) {
        Instant now = model.clock().instant();
        String access = "ntn_" + random(46);
        String refresh = "nrt_" + random(46);
        model.tokens().register(access, TokenRegistry.Type.ACCESS, inst.connection(), inst, now, null);
        model.tokens().register(refresh, TokenRegistry.Type.REFRESH, inst.connection(), inst, now, null);
        pairs.put(refresh, access);

        ObjectNode o = F.objectNode();
        o.put("access_token", access);
        o.put("token_type", "bearer");
        o.put("refresh_token", refresh);
        o.put("bot_id", inst.bot().id());
        o.put("workspace_id", inst.workspace().id());
        putNullable(o, "workspace_name", inst.workspace().name());
        putNullable(o, "workspace_icon", inst.workspace().icon());
        ObjectNode owner = o.putObject("owner");
        owner.put("type", "user");
        owner.set("user", person(inst.user(), inst.connection().userInfo()));
        putNullable(o, "duplicated_template_id", inst.duplicatedTemplateId());
        o.put("request_id", call.requestId());
        return o;
    }

    /** The owner's user object, trimmed to the connection's user-information capability (docs/notion-api.md §5.3). */
    private static ObjectNode person(User u, UserInfo level) {
        ObjectNode o = F.objectNode();
        o.put("object", "user");
        o.put("id", u.id());
        if (level == UserInfo.NONE) {
            return o;
        }
        o.put("name", u.name());
        putNullable(o, "avatar_url", u.avatarUrl());
        o.put("type", "person");
        ObjectNode person = o.putObject("person");
        if (level == UserInfo.WITH_EMAIL && u.email() != null) {
            person.put("email", u.email());
        }
        return o;
    }

    // ---- introspect and revoke ------------------------------------------------------------------------------

    private Response introspect(Call call) {
        Connection client = ClientAuth.authenticate(call.header("Authorization"), model);
        if (client == null) {
            return invalidClient();
        }
        String token = requiredToken(call);
        TokenRegistry.Entry e = model.tokens().lookup(token);
        ObjectNode o = F.objectNode();
        boolean active = e != null && e.connection() == client && e.activeAt(model.clock().instant());
        o.put("active", active);
        if (active) {
            o.put("scope", e.connection().capabilities().stream().map(Capability::key).collect(Collectors.joining(" ")));
            o.put("iat", e.issuedAt().getEpochSecond());
        }
        o.put("request_id", call.requestId());
        return Response.ok(o);
    }

    private Response revoke(Call call) {
        Connection client = ClientAuth.authenticate(call.header("Authorization"), model);
        if (client == null) {
            return invalidClient();
        }
        String token = requiredToken(call);
        TokenRegistry.Entry e = model.tokens().lookup(token);
        // RFC 7009 2.2: an unknown or foreign token is not an error; nothing happens
        if (e != null && e.connection() == client) {
            if (e.type() == TokenRegistry.Type.REFRESH) {
                retire(token);
            } else {
                model.tokens().revoke(token);
            }
        }
        ObjectNode o = F.objectNode();
        o.put("request_id", call.requestId());
        return Response.ok(o);
    }

    private static String requiredToken(Call call) {
        String token = text(call.body("token"));
        if (token == null) {
            throw ApiError.bodyInvalid("body.token should be defined, instead was `undefined`.");
        }
        return token;
    }

    // ---- errors and helpers ---------------------------------------------------------------------------------

    /** Bad client credentials: an RFC 6749 body that Notion's SDKs cannot parse either (docs/notion-api.md §2.10). */
    private static Response invalidClient() {
        ObjectNode o = F.objectNode();
        o.put("error", "invalid_client");
        o.put("error_description", "Client authentication failed: the client ID or client secret is wrong.");
        return Response.json(401, o).header("WWW-Authenticate", "Basic realm=\"Notion API\"");
    }

    private Response invalidGrant(Call call, String message) {
        if (errorStyle == OAuthErrorStyle.RFC6749) {
            ObjectNode o = F.objectNode();
            o.put("error", "invalid_grant");
            o.put("error_description", message);
            return Response.json(400, o);
        }
        return Router.errorResponse(new ApiError(400, "invalid_grant", message), call.requestId());
    }

    private static Response html(int status, String html) {
        return Response.html(status, html).header("Cache-Control", "no-store");
    }

    private static String text(JsonNode n) {
        return n == null || n.isNull() || !n.isTextual() || n.asText().isEmpty() ? null : n.asText();
    }

    private static void putNullable(ObjectNode o, String field, String value) {
        if (value == null) {
            o.putNull(field);
        } else {
            o.put(field, value);
        }
    }

    private static String random(int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(ALPHANUM.charAt(RANDOM.nextInt(ALPHANUM.length())));
        }
        return sb.toString();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String first(Map<String, List<String>> form, String key) {
        List<String> v = form.get(key);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    static Map<String, List<String>> parseForm(byte[] raw) {
        return QueryString.parseMulti(new String(raw, StandardCharsets.UTF_8));
    }
}
