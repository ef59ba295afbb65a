package dev.notionconsole.request.saved;

import dev.notionconsole.request.RequestSpec;
import java.time.Instant;
import java.util.Objects;

/** A request kept under a name, in a group ("Support", "Onboarding demo"). Holds no credential. */
public record SavedRequest(String id, String name, String group, String endpointId, RequestSpec request, Instant savedAt) {
    public static final String DEFAULT_GROUP = "Saved";

    public SavedRequest {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(request, "request");
        name = name == null || name.isBlank() ? request.describe() : name.strip();
        group = group == null || group.isBlank() ? DEFAULT_GROUP : group.strip();
    }
}
