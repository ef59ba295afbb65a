package dev.notionconsole.sandbox.model;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A connection (formerly "integration") of one of the three kinds (docs/notion-api.md §5.1, 6): an internal connection
 * with its own bot and the objects shared with it; a public OAuth connection with client credentials, redirect
 * URIs and one installation per authorizing user; or a personal access token that acts as its creator.
 */
public final class Connection {
    public enum Kind { INTERNAL, PUBLIC, PERSONAL }

    private final String id;
    private final Kind kind;
    private String name;
    private String description;
    private final EnumSet<Capability> capabilities;
    private UserInfo userInfo;
    /** Internal and personal: the workspace. Public: null (see installations). */
    private final Workspace workspace;
    /** Internal and personal: the bot user. */
    private User bot;
    /** Internal: IDs of pages and databases shared with it. */
    private final Set<String> shares = new LinkedHashSet<>();
    /**
     * Internal: IDs of pages and databases below a share that it was removed from (a hole, explorer-diagnostics.md
     * §0.7, §1.4): unreadable with everything below them, unless shared again further down.
     */
    private final Set<String> removedFrom = new LinkedHashSet<>();
    /** Internal and personal: the current token. */
    private String token;
    // public connections
    private String clientId;
    private String clientSecret;
    private final List<String> redirectUris = new ArrayList<>();
    private final List<Installation> installations = new ArrayList<>();
    /** The template offered on the consent page, as the fixture wrote it (pages[] shape); null when none. */
    private JsonNode template;
    /** Keys of the workspaces it may be installed in; null for any workspace (docs/notion-api.md §2.10). */
    private Set<String> installationScope;
    // personal access tokens
    private User creator;
    private Instant expiresAt;

    public Connection(String id, Kind kind, String name, Workspace workspace, EnumSet<Capability> capabilities, UserInfo userInfo) {
        this.id = id;
        this.kind = kind;
        this.name = name;
        this.workspace = workspace;
        this.capabilities = capabilities;
        this.userInfo = userInfo;
    }

    /** The integration ID, reported as additional_data.integration_id in 404s (docs/notion-api.md §4.3). */
    public String id() {
        return id;
    }

    public Kind kind() {
        return kind;
    }

    public String name() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String description() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public EnumSet<Capability> capabilities() {
        return capabilities;
    }

    public UserInfo userInfo() {
        return userInfo;
    }

    public void setUserInfo(UserInfo userInfo) {
        this.userInfo = userInfo;
    }

    public Workspace workspace() {
        return workspace;
    }

    public User bot() {
        return bot;
    }

    public void setBot(User bot) {
        this.bot = bot;
        bot.bindBot(this, null);
    }

    public Set<String> shares() {
        return shares;
    }

    public Set<String> removedFrom() {
        return removedFrom;
    }

    public String token() {
        return token;
    }

    public void setToken(String token) {
        this.token = token;
    }

    public String clientId() {
        return clientId;
    }

    public String clientSecret() {
        return clientSecret;
    }

    public void setClientCredentials(String clientId, String clientSecret) {
        this.clientId = clientId;
        this.clientSecret = clientSecret;
    }

    public List<String> redirectUris() {
        return redirectUris;
    }

    public List<Installation> installations() {
        return installations;
    }

    public JsonNode template() {
        return template;
    }

    public void setTemplate(JsonNode template) {
        this.template = template;
    }

    /** Workspace keys it may be installed in, or null when any workspace may install it. */
    public Set<String> installationScope() {
        return installationScope;
    }

    public void setInstallationScope(Set<String> workspaceKeys) {
        this.installationScope = workspaceKeys == null ? null : Set.copyOf(workspaceKeys);
    }

    /** Whether a user of this workspace may install it (its installation scope, fixed when it was created). */
    public boolean installableIn(Workspace ws) {
        return installationScope == null || installationScope.contains(ws.key());
    }

    public User creator() {
        return creator;
    }

    public void setCreator(User creator) {
        this.creator = creator;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public void setExpiresAt(Instant expiresAt) {
        this.expiresAt = expiresAt;
    }

    @Override
    public String toString() {
        return "Connection[" + kind + " " + name + "]";
    }
}
