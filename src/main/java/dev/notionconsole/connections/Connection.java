package dev.notionconsole.connections;

import dev.notionconsole.notion.Capability;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.notionconsole.notion.NotionVersion;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A saved connection's definition. Deliberately holds no secret: tokens, client secrets and refresh tokens live
 * in the {@link dev.notionconsole.secrets.SecretStore} under {@link SecretKeys}, so nothing that serialises a
 * {@code Connection} (the connections file, an export, a log line) can leak one.
 *
 * @param id stable, generated; secrets are keyed by it
 * @param baseUrl {@value #DEFAULT_BASE_URL}, {@value #SANDBOX} for the built-in sandbox, or any other URL
 * @param notionVersion the Notion-Version header this connection pins
 * @param sandboxRef for the sandbox's default connections: the fixture connection whose fake token it uses
 * @param clientId public connections only
 * @param redirectUri public connections only
 * @param installations public connections only: one per authorizing user and workspace
 * @param activeBotId public connections only: the installation whose token requests use
 * @param capabilities what has been observed, newest per capability
 * @param lastCheck the last identity check, or null
 * @param temporary true for the connection made from {@code NOTION_TOKEN}: shown, never saved
 * @param installationScope public connections only: as the user recorded it (the API does not tell); null if not
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Connection(String id, String name, ConnectionKind kind, String baseUrl, String notionVersion,
                         RatePlan ratePlan, String notes, String sandboxRef, String clientId, String redirectUri,
                         List<Installation> installations, String activeBotId, List<LearnedCapability> capabilities,
                         IdentityCheck lastCheck, Instant createdAt, @JsonIgnore boolean temporary,
                         InstallationScope installationScope) {
    public static final String DEFAULT_BASE_URL = "https://api.notion.com";
    /** The base-URL marker for the built-in sandbox, resolved to the running sandbox at call time. */
    public static final String SANDBOX = "sandbox";
    /** Notion-Version for new connections (the newest the console knows, docs/notion-api.md §1.3). */
    public static final String DEFAULT_NOTION_VERSION = NotionVersion.LATEST;

    @JsonCreator
    public Connection {
        Objects.requireNonNull(kind, "kind");
        installations = installations == null ? List.of() : List.copyOf(installations);
        capabilities = capabilities == null ? List.of() : List.copyOf(capabilities);
        baseUrl = normalizeBaseUrl(baseUrl);
        notionVersion = notionVersion == null || notionVersion.isBlank() ? DEFAULT_NOTION_VERSION : notionVersion.strip();
        ratePlan = ratePlan == null ? RatePlan.STANDARD : ratePlan;
        notes = notes == null ? "" : notes;
    }

    /** As before installation scopes were recorded. */
    public Connection(String id, String name, ConnectionKind kind, String baseUrl, String notionVersion, RatePlan ratePlan,
                      String notes, String sandboxRef, String clientId, String redirectUri, List<Installation> installations,
                      String activeBotId, List<LearnedCapability> capabilities, IdentityCheck lastCheck, Instant createdAt,
                      boolean temporary) {
        this(id, name, kind, baseUrl, notionVersion, ratePlan, notes, sandboxRef, clientId, redirectUri, installations,
                activeBotId, capabilities, lastCheck, createdAt, temporary, null);
    }

    /** Blank means api.notion.com; a trailing slash or /v1 is dropped (request paths carry /v1). */
    static String normalizeBaseUrl(String url) {
        if (url == null || url.isBlank()) {
            return DEFAULT_BASE_URL;
        }
        String u = url.strip();
        if (SANDBOX.equalsIgnoreCase(u)) {
            return SANDBOX;
        }
        u = u.replaceAll("/+$", "");
        if (u.toLowerCase(java.util.Locale.ROOT).endsWith("/v1")) {
            u = u.substring(0, u.length() - 3).replaceAll("/+$", "");
        }
        return u;
    }

    public static Builder builder(ConnectionKind kind) {
        return new Builder(kind);
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    @JsonIgnore
    public boolean isSandbox() {
        return SANDBOX.equalsIgnoreCase(baseUrl);
    }

    /** The installation requests use: the chosen one, else the only one. */
    @JsonIgnore
    public Optional<Installation> activeInstallation() {
        if (activeBotId != null) {
            Optional<Installation> chosen = installation(activeBotId);
            if (chosen.isPresent()) {
                return chosen;
            }
        }
        return installations.isEmpty() ? Optional.empty() : Optional.of(installations.get(0));
    }

    public Optional<Installation> installation(String botId) {
        return installations.stream().filter(i -> i.botId().equals(botId)).findFirst();
    }

    public Optional<LearnedCapability> learned(Capability capability) {
        return capabilities.stream().filter(c -> c.capability() == capability).findFirst();
    }

    /** The workspace people know this connection by: from the last check, else the active installation. */
    @JsonIgnore
    public String workspaceLabel() {
        if (lastCheck != null && lastCheck.workspaceName() != null) {
            return lastCheck.workspaceName();
        }
        return activeInstallation().map(Installation::workspaceName).orElse("");
    }

    /** A mutable copy for editing; {@link #build()} validates nothing (see {@link ConnectionValidator}). */
    public static final class Builder {
        private String id;
        private String name = "";
        private ConnectionKind kind;
        private String baseUrl = DEFAULT_BASE_URL;
        private String notionVersion = DEFAULT_NOTION_VERSION;
        private RatePlan ratePlan = RatePlan.STANDARD;
        private String notes = "";
        private String sandboxRef;
        private String clientId;
        private String redirectUri;
        private List<Installation> installations = new ArrayList<>();
        private String activeBotId;
        private List<LearnedCapability> capabilities = new ArrayList<>();
        private IdentityCheck lastCheck;
        private Instant createdAt;
        private boolean temporary;
        private InstallationScope installationScope;

        private Builder(ConnectionKind kind) {
            this.kind = kind;
        }

        private Builder(Connection c) {
            id = c.id;
            name = c.name;
            kind = c.kind;
            baseUrl = c.baseUrl;
            notionVersion = c.notionVersion;
            ratePlan = c.ratePlan;
            notes = c.notes;
            sandboxRef = c.sandboxRef;
            clientId = c.clientId;
            redirectUri = c.redirectUri;
            installations = new ArrayList<>(c.installations);
            activeBotId = c.activeBotId;
            capabilities = new ArrayList<>(c.capabilities);
            lastCheck = c.lastCheck;
            createdAt = c.createdAt;
            temporary = c.temporary;
            installationScope = c.installationScope;
        }

        public Builder id(String v) { id = v; return this; }
        public Builder name(String v) { name = v; return this; }
        public Builder kind(ConnectionKind v) { kind = v; return this; }
        public Builder baseUrl(String v) { baseUrl = v; return this; }
        public Builder notionVersion(String v) { notionVersion = v; return this; }
        public Builder ratePlan(RatePlan v) { ratePlan = v; return this; }
        public Builder notes(String v) { notes = v; return this; }
        public Builder sandboxRef(String v) { sandboxRef = v; return this; }
        public Builder clientId(String v) { clientId = v; return this; }
        public Builder redirectUri(String v) { redirectUri = v; return this; }
        public Builder installations(List<Installation> v) { installations = new ArrayList<>(v); return this; }
        public Builder activeBotId(String v) { activeBotId = v; return this; }
        public Builder capabilities(List<LearnedCapability> v) { capabilities = new ArrayList<>(v); return this; }
        public Builder lastCheck(IdentityCheck v) { lastCheck = v; return this; }
        public Builder createdAt(Instant v) { createdAt = v; return this; }
        public Builder temporary(boolean v) { temporary = v; return this; }
        public Builder installationScope(InstallationScope v) { installationScope = v; return this; }

        public Connection build() {
            return new Connection(id, name == null ? "" : name.strip(), kind, baseUrl, notionVersion, ratePlan, notes,
                    sandboxRef, blankToNull(clientId), blankToNull(redirectUri), installations, activeBotId,
                    capabilities, lastCheck, createdAt, temporary, kind == ConnectionKind.PUBLIC_OAUTH ? installationScope : null);
        }

        private static String blankToNull(String s) {
            return s == null || s.isBlank() ? null : s.strip();
        }
    }
}
