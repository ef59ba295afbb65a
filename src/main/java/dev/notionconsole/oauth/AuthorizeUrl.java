package dev.notionconsole.oauth;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Builds Notion's authorize URL (docs/notion-api.md §2.10): {@code <base>/v1/oauth/authorize?client_id=&redirect_uri=
 * &response_type=code&owner=user&state=}. No scope and no PKCE parameters: Notion has neither.
 */
public final class AuthorizeUrl {
    public static final String PATH = "/v1/oauth/authorize";

    private AuthorizeUrl() {
    }

    /**
     * @param apiBaseUrl e.g. {@code https://api.notion.com} or the sandbox's {@code http://127.0.0.1:PORT}
     */
    public static URI build(String apiBaseUrl, String clientId, RedirectUri redirectUri, OAuthState state) {
        Objects.requireNonNull(apiBaseUrl, "apiBaseUrl");
        if (clientId == null || clientId.isBlank()) {
            throw new IllegalArgumentException("The public connection has no OAuth client ID.");
        }
        Map<String, String> q = new LinkedHashMap<>();
        q.put("client_id", clientId.strip());
        q.put("redirect_uri", redirectUri.value());
        q.put("response_type", "code");
        q.put("owner", "user");
        q.put("state", state.value());
        String base = apiBaseUrl.endsWith("/") ? apiBaseUrl.substring(0, apiBaseUrl.length() - 1) : apiBaseUrl;
        return URI.create(base + PATH + "?" + q.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&")));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
