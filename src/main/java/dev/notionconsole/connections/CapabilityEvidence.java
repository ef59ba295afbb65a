package dev.notionconsole.connections;

import dev.notionconsole.notion.Exchange;
import dev.notionconsole.notion.NotionError;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What one answer says about a capability (notion-api.md 4.4, 5.3): a success on an endpoint proves the
 * capability it needs; a 403 {@code restricted_resource} there suggests it is missing. A 404 says nothing (the
 * object is not shared), nor does the free-plan block limit (also a 403, with {@code additional_data.block_limit}),
 * nor a personal access token's 403 on GET /v1/users (that endpoint is not available to PATs at all).
 */
public final class CapabilityEvidence {
    /** One observation, ready for {@link ConnectionService#recordCapability}. */
    public record Observation(Capability capability, boolean present, String evidence) {
    }

    private static final String ID = "[^/]+";
    private static final Pattern PAGE = Pattern.compile("/v1/pages/" + ID + "(/properties/" + ID + ")?");
    private static final Pattern BLOCK = Pattern.compile("/v1/blocks/" + ID);
    private static final Pattern CHILDREN = Pattern.compile("/v1/blocks/" + ID + "/children");
    private static final Pattern CONTAINER = Pattern.compile("/v1/(databases|data_sources)/" + ID);
    private static final Pattern QUERY = Pattern.compile("/v1/(databases|data_sources)/" + ID + "/query");
    private static final Pattern COMMENT = Pattern.compile("/v1/comments(/" + ID + ")?");
    private static final Pattern USER = Pattern.compile("/v1/users(/" + ID + ")?");

    private CapabilityEvidence() {
    }

    public static Optional<Observation> of(ConnectionKind kind, Exchange ex) {
        String path = URI.create(ex.request().url()).getPath();
        return of(kind, ex.request().method(), path, ex.status(), ex.error());
    }

    static Optional<Observation> of(ConnectionKind kind, String method, String path, int status, NotionError error) {
        boolean ok = status >= 200 && status < 300;
        boolean restricted = status == 403 && error != null && "restricted_resource".equals(error.code())
                && error.additional("block_limit").isEmpty();
        if (!ok && !restricted) {
            return Optional.empty();
        }
        String m = method.toUpperCase(Locale.ROOT);
        String p = path.replaceAll("/+$", "");
        Optional<Capability> cap = needed(m, p);
        if (cap.isEmpty() || (cap.get() == Capability.USER_INFO && kind == ConnectionKind.PERSONAL_ACCESS_TOKEN && !ok)) {
            return Optional.empty();
        }
        String evidence = (ok ? status + " on " : "403 restricted_resource on ") + m + " " + p;
        return Optional.of(new Observation(cap.get(), ok, evidence));
    }

    /** The capability an endpoint needs; empty for endpoints any token may call (users/me, OAuth). */
    static Optional<Capability> needed(String method, String path) {
        if (path.equals("/v1/users/me") || path.startsWith("/v1/oauth/")) {
            return Optional.empty();
        }
        if (COMMENT.matcher(path).matches()) {
            return Optional.of(method.equals("GET") ? Capability.READ_COMMENTS : Capability.INSERT_COMMENTS);
        }
        if (USER.matcher(path).matches() && method.equals("GET")) {
            return Optional.of(Capability.USER_INFO);
        }
        if (path.equals("/v1/search") || QUERY.matcher(path).matches()) {
            return Optional.of(Capability.READ_CONTENT);
        }
        if (CHILDREN.matcher(path).matches()) {
            return Optional.of(method.equals("GET") ? Capability.READ_CONTENT : Capability.INSERT_CONTENT);
        }
        if (path.equals("/v1/pages") || path.equals("/v1/databases") || path.equals("/v1/data_sources")) {
            return method.equals("POST") ? Optional.of(Capability.INSERT_CONTENT) : Optional.empty();
        }
        if (PAGE.matcher(path).matches() || BLOCK.matcher(path).matches() || CONTAINER.matcher(path).matches()) {
            return Optional.of(method.equals("GET") ? Capability.READ_CONTENT : Capability.UPDATE_CONTENT);
        }
        return Optional.empty();
    }
}
