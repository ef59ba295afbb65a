package dev.notionconsole.connections;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Checks a connection definition before it is saved: the one set of rules behind the form (the ViewModel shows
 * them per field) and the command line. Token shapes are never validated (docs/notion-api.md §6: Notion advises
 * against it and the formats change); only presence.
 */
public final class ConnectionValidator {
    /** Form fields, so a UI can put each message next to its field. */
    public enum Field { NAME, BASE_URL, NOTION_VERSION, TOKEN, CLIENT_ID, CLIENT_SECRET, REDIRECT_URI }

    /** One problem; {@code blocking} false means a warning the user may save over. */
    public record Problem(Field field, String message, boolean blocking) {
    }

    private static final Pattern VERSION = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private ConnectionValidator() {
    }

    /**
     * @param others the other saved connections (for unique names)
     * @param hasToken a token is given or already stored (internal, PAT)
     * @param hasClientSecret a client secret is given or already stored (public)
     * @param knownVersions the Notion-Version values the console knows; an unknown one is a warning
     */
    public static List<Problem> validate(Connection c, Collection<Connection> others, boolean hasToken,
                                         boolean hasClientSecret, Collection<String> knownVersions) {
        List<Problem> problems = new ArrayList<>();
        if (c.name().isBlank()) {
            problems.add(new Problem(Field.NAME, "Give the connection a name.", true));
        } else if (c.name().length() > 120) {
            problems.add(new Problem(Field.NAME, "Keep the name under 120 characters.", true));
        } else if (others.stream().anyMatch(o -> !o.id().equals(c.id()) && o.name().equalsIgnoreCase(c.name()))) {
            problems.add(new Problem(Field.NAME, "Another connection is already called \"" + c.name() + "\".", true));
        }
        baseUrlProblem(c.baseUrl()).ifPresent(problems::add);
        if (!VERSION.matcher(c.notionVersion()).matches()) {
            problems.add(new Problem(Field.NOTION_VERSION, "A Notion-Version is a date like 2026-03-11.", true));
        } else if (!knownVersions.isEmpty() && !knownVersions.contains(c.notionVersion())) {
            problems.add(new Problem(Field.NOTION_VERSION, "Notion Console does not know version " + c.notionVersion()
                    + "; Notion may reject it with 400 invalid_request_url or missing_version.", false));
        }
        if (c.kind() == ConnectionKind.PUBLIC_OAUTH) {
            if (c.clientId() == null) {
                problems.add(new Problem(Field.CLIENT_ID, "A public connection needs its OAuth client ID.", true));
            }
            if (!hasClientSecret) {
                problems.add(new Problem(Field.CLIENT_SECRET, "A public connection needs its OAuth client secret.", true));
            }
            if (c.redirectUri() == null) {
                problems.add(new Problem(Field.REDIRECT_URI, "Enter the redirect URI registered for the connection.", true));
            } else {
                redirectProblem(c.redirectUri()).ifPresent(problems::add);
            }
        } else if (!hasToken) {
            problems.add(new Problem(Field.TOKEN, c.kind() == ConnectionKind.INTERNAL
                    ? "Paste the connection's internal token." : "Paste the personal access token.", true));
        }
        return problems;
    }

    public static boolean blocking(List<Problem> problems) {
        return problems.stream().anyMatch(Problem::blocking);
    }

    static java.util.Optional<Problem> baseUrlProblem(String baseUrl) {
        if (Connection.SANDBOX.equalsIgnoreCase(baseUrl)) {
            return java.util.Optional.empty();
        }
        URI uri;
        try {
            uri = new URI(baseUrl);
        } catch (URISyntaxException e) {
            return java.util.Optional.of(new Problem(Field.BASE_URL, "Not a URL: " + e.getReason() + ".", true));
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http") || uri.getHost() == null) {
            return java.util.Optional.of(new Problem(Field.BASE_URL,
                    "Use an http(s) URL such as https://api.notion.com, or \"sandbox\" for the built-in sandbox.", true));
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            return java.util.Optional.of(new Problem(Field.BASE_URL, "A base URL has no query or fragment.", true));
        }
        if (scheme.equals("http") && !isLoopback(uri.getHost())) {
            return java.util.Optional.of(new Problem(Field.BASE_URL,
                    "Plain http sends the token unencrypted; use https unless this is a local server.", false));
        }
        return java.util.Optional.empty();
    }

    private static java.util.Optional<Problem> redirectProblem(String redirect) {
        try {
            URI uri = new URI(redirect);
            if (uri.getScheme() == null || uri.getHost() == null) {
                return java.util.Optional.of(new Problem(Field.REDIRECT_URI, "Enter a full URL such as http://localhost:53682/callback.", true));
            }
            if ("127.0.0.1".equals(uri.getHost())) {
                // docs/notion-api.md §2.10: practitioners report localhost accepted and 127.0.0.1 rejected
                return java.util.Optional.of(new Problem(Field.REDIRECT_URI,
                        "Notion has been seen to reject 127.0.0.1 redirect URIs; http://localhost:PORT/... is accepted.", false));
            }
            return java.util.Optional.empty();
        } catch (URISyntaxException e) {
            return java.util.Optional.of(new Problem(Field.REDIRECT_URI, "Not a URL: " + e.getReason() + ".", true));
        }
    }

    private static boolean isLoopback(String host) {
        return host.equals("localhost") || host.equals("127.0.0.1") || host.equals("[::1]") || host.equals("::1");
    }
}
