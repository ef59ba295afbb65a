package dev.notionconsole.connections;

import dev.notionconsole.notion.Capability;
import dev.notionconsole.notion.Exchange;
import dev.notionconsole.notion.NotionError;
import dev.notionconsole.notion.catalog.Endpoint;
import dev.notionconsole.notion.catalog.EndpointCatalog;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/**
 * What one answer says about a capability (docs/notion-api.md §4.4, 5.3): a success on an endpoint proves the
 * capability it needs; a 403 {@code restricted_resource} there suggests it is missing. A 404 says nothing (the
 * object is not shared), nor does the free-plan block limit (also a 403, with {@code additional_data.block_limit}),
 * nor a personal access token's 403 on GET /v1/users (that endpoint is not available to PATs at all).
 */
public final class CapabilityEvidence {
    /** One observation, ready for {@link ConnectionService#recordCapability}. */
    public record Observation(Capability capability, boolean present, String evidence) {
    }

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

    /** The capability an endpoint needs, from the endpoint catalog; empty for routes any token may call. */
    static Optional<Capability> needed(String method, String path) {
        return EndpointCatalog.builtIn().lookup(method, path).map(Endpoint::capability);
    }
}
