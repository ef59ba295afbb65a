package dev.notionconsole.oauth;

import dev.notionconsole.connections.AuthorizingUser;
import dev.notionconsole.connections.Connection;
import dev.notionconsole.connections.ConnectionKind;
import dev.notionconsole.connections.ConnectionCaller;
import dev.notionconsole.connections.ConnectionService;
import dev.notionconsole.connections.InstallationScope;
import dev.notionconsole.connections.Installation;
import dev.notionconsole.connections.TokenRenewal;
import dev.notionconsole.connections.InstallationRevoker;
import dev.notionconsole.core.Secret;
import dev.notionconsole.core.concurrent.CancellationToken;
import dev.notionconsole.notion.ApiRequest;
import dev.notionconsole.notion.CallObserver;
import dev.notionconsole.notion.Exchange;
import dev.notionconsole.notion.NotionClient;
import dev.notionconsole.notion.PageTitles;
import dev.notionconsole.secrets.SecretStoreException;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * OAuth for saved public connections: authorize (browser flow, code exchange, storing the installation),
 * refresh, introspect, revoke, and the token upkeep around data calls (docs/decisions/0052-token-upkeep.md).
 * Every method blocks (network, keychain): call it from a background task or the command line.
 */
public final class OAuthService implements InstallationRevoker, TokenRenewal {
    private static final Logger LOG = LoggerFactory.getLogger(OAuthService.class);

    /** Flow progress for a UI: the browser half, then the exchange. */
    public interface FlowObserver extends AuthorizationFlow.Observer {
        /** The code arrived; exchanging it at the token endpoint. */
        default void exchanging() {
        }
    }

    private final ConnectionService connections;
    /** One refresh at a time per installation: the first one retires the refresh token the others hold. */
    private final Map<String, ReentrantLock> refreshLocks = new ConcurrentHashMap<>();

    public OAuthService(ConnectionService connections) {
        this.connections = connections;
    }

    public ConnectionService connections() {
        return connections;
    }

    /**
     * Prepares the browser half for a public connection: checks the connection and resolves its base URL (which
     * may start the sandbox). The flow's authorize URL is known at once, for the UI to show.
     *
     * @throws IllegalArgumentException when the connection is not public or lacks a client ID or redirect URI
     */
    public AuthorizationFlow prepare(Connection c, BrowserOpener opener, Duration timeout) throws IOException {
        requirePublic(c);
        if (c.redirectUri() == null) {
            throw new IllegalArgumentException("\"" + c.name() + "\" has no redirect URI. Set one (the default is "
                    + "http://localhost:<port>/callback) and register it in the connection's settings in Notion.");
        }
        RedirectUri redirectUri = RedirectUri.parse(c.redirectUri());
        String baseUrl = connections.resolveBaseUrl(c);
        return new AuthorizationFlow(new AuthorizationRequest(baseUrl, c.clientId(), redirectUri, c.name()), opener, timeout);
    }

    /**
     * Runs a prepared flow to the end: waits for the code, exchanges it, stores the installation (tokens in the
     * secret store, details in the connection) and makes it the active one.
     */
    public Installation authorize(Connection c, AuthorizationFlow flow, CancellationToken cancel, FlowObserver observer)
            throws OAuthException, IOException, SecretStoreException {
        Secret code;
        try {
            code = flow.awaitCode(cancel, observer);
        } catch (OAuthException e) {
            if (e.reason() == OAuthException.Reason.NOT_INSTALLABLE) {
                throw new OAuthException(e.reason(), e.getMessage() + "\n\n"
                        + InstallationScope.adviceWhenRefused(c.name(), fresh(c).installationScope()), e);
            }
            throw e;
        }
        observer.exchanging();
        cancel.throwIfCancelled();
        TokenGrant grant = endpoint(c).exchangeCode(code, flow.redirectUri(), cancel);
        Installation installation = new Installation(grant.botId(), grant.workspaceId(), grant.workspaceName(),
                grant.workspaceIcon(), grant.ownerUserId() == null ? null
                        : new AuthorizingUser(grant.ownerUserId(), grant.ownerName(), grant.ownerEmail()),
                grant.duplicatedTemplateId(), null, null, null);
        Connection stored = connections.putInstallation(c.id(), installation, grant.accessToken(), grant.refreshToken());
        LOG.info("Installed \"{}\" in workspace {} as bot {}", c.name(), grant.workspaceName(), grant.botId());
        if (grant.duplicatedTemplateId() != null) {
            stored = withTemplateTitle(stored, grant.botId(), grant.duplicatedTemplateId(), cancel);
        }
        Installation saved = stored.installation(grant.botId()).orElse(installation);
        return saved;
    }

    /**
     * Records the title of the template copy the installation was made with: the token answer gives only its id
     * (docs/notion-api.md §2.10), so it is read once with the new token. Best effort: without it the id is shown.
     */
    private Connection withTemplateTitle(Connection c, String botId, String pageId, CancellationToken cancel)
            throws SecretStoreException {
        try {
            ConnectionCaller.Reply reply = new ConnectionCaller(connections, this).send(c, ApiRequest.get("/v1/pages/" + pageId),
                    cancel, CallObserver.NONE);
            if (!reply.exchange().ok() || reply.exchange().json() == null) {
                return c;
            }
            String title = PageTitles.pageTitle(reply.exchange().json().path("properties"));
            return connections.updateInstallation(c.id(), botId, i -> i.withTemplateTitle(title));
        } catch (IOException e) {
            LOG.info("Could not read the title of the duplicated template {}: {}", pageId, e.getMessage());
            return c;
        }
    }

    /**
     * Refreshes an installation's tokens and stores both new ones.
     *
     * @throws OAuthException REAUTHORIZE when there is no refresh token or Notion refuses it
     */
    public Installation refresh(Connection c, String botId, CancellationToken cancel)
            throws OAuthException, IOException, SecretStoreException {
        Connection fresh = fresh(c);
        Installation inst = installation(fresh, botId);
        ReentrantLock lock = refreshLocks.computeIfAbsent(fresh.id() + "/" + botId, k -> new ReentrantLock());
        lock.lock();
        try {
            Secret refreshToken = connections.refreshToken(fresh, botId).orElseThrow(() -> new OAuthException(
                    OAuthException.Reason.REAUTHORIZE, "The installation in " + inst.displayName() + " has no refresh "
                    + "token, so it cannot be renewed. Authorize \"" + fresh.name() + "\" again."));
            TokenGrant grant = endpoint(fresh).refresh(refreshToken, cancel);
            connections.updateInstallationTokens(fresh.id(), botId, grant.accessToken(), grant.refreshToken());
            LOG.info("Refreshed the tokens of \"{}\" (bot {})", fresh.name(), botId);
            return connections.find(fresh.id()).flatMap(x -> x.installation(botId)).orElse(inst);
        } finally {
            lock.unlock();
        }
    }

    /** Asks Notion whether the installation's access token is active. */
    public TokenEndpoint.Introspection introspect(Connection c, String botId, CancellationToken cancel)
            throws OAuthException, IOException, SecretStoreException {
        installation(fresh(c), botId);
        Secret access = connections.accessToken(c, botId).orElseThrow(() -> new OAuthException(
                OAuthException.Reason.REAUTHORIZE, "No access token is stored for this installation."));
        return endpoint(c).introspect(access, cancel);
    }

    /**
     * Revokes the installation's tokens at Notion (access, then refresh). Does not forget it locally: see
     * {@link #revokeAndRemove}. This is the hook the Connections workspace calls before deleting.
     */
    @Override
    public void revoke(Connection c, Installation installation) throws Exception {
        revokeTokens(c, installation.botId(), CancellationToken.none());
    }

    public void revokeTokens(Connection c, String botId, CancellationToken cancel)
            throws OAuthException, IOException, SecretStoreException {
        TokenEndpoint endpoint = endpoint(c);
        Optional<Secret> access = connections.accessToken(c, botId);
        Optional<Secret> refresh = connections.refreshToken(c, botId);
        if (access.isPresent()) {
            endpoint.revoke(access.get(), cancel);
        }
        if (refresh.isPresent()) {
            endpoint.revoke(refresh.get(), cancel);
        }
        LOG.info("Revoked the tokens of \"{}\" (bot {})", c.name(), botId);
    }

    /** Revokes at Notion, then forgets the installation and its tokens. */
    public Connection revokeAndRemove(Connection c, String botId, CancellationToken cancel)
            throws OAuthException, IOException, SecretStoreException {
        installation(fresh(c), botId);
        revokeTokens(c, botId, cancel);
        return connections.removeInstallation(c.id(), botId);
    }

    /**
     * After Notion refused a public connection's access token (a 401 seen by {@code ConnectionCaller}): refreshes
     * once, storing both new tokens, so the caller can repeat the call; when that is impossible, says why the user
     * must authorize again. One refresh at a time per installation: a call that waited on another's refresh uses
     * its new token instead of spending the retired refresh token.
     */
    @Override
    public Renewal renewAfterRefusal(Connection c, CancellationToken cancel) throws IOException, SecretStoreException {
        Optional<Installation> active = connections.find(c.id()).orElse(c).activeInstallation();
        if (active.isEmpty()) {
            return Renewal.NOT_APPLICABLE;
        }
        Installation inst = active.get();
        Secret sent = connections.accessToken(c, inst.botId()).orElse(null);
        try {
            ReentrantLock lock = refreshLocks.computeIfAbsent(c.id() + "/" + inst.botId(), k -> new ReentrantLock());
            lock.lock();
            try {
                Secret now = connections.accessToken(c, inst.botId()).orElse(null);
                if (now == null || now.equals(sent)) {
                    refresh(c, inst.botId(), cancel);
                }
            } finally {
                lock.unlock();
            }
        } catch (OAuthException e) {
            LOG.info("Token of \"{}\" refused and not refreshable: {}", c.name(), e.reason());
            return Renewal.impossible(e.getMessage());
        }
        return Renewal.done();
    }

    private TokenEndpoint endpoint(Connection c) throws IOException, SecretStoreException {
        requirePublic(c);
        Secret secret = connections.clientSecret(c).orElseThrow(() -> new IllegalArgumentException(
                "\"" + c.name() + "\" has no client secret. Copy the OAuth client secret from the connection's "
                        + "settings in Notion (Configuration tab) into the connection."));
        return new TokenEndpoint(connections.oauthClientFor(c), c.clientId(), secret, c.name());
    }

    /** The saved state of a connection: callers may hold a copy from before an installation was added. */
    private Connection fresh(Connection c) {
        return connections.find(c.id()).orElse(c);
    }

    private static Installation installation(Connection c, String botId) {
        return c.installation(botId).orElseThrow(() -> new IllegalArgumentException(
                "\"" + c.name() + "\" has no installation with bot id " + botId + "."));
    }

    private static void requirePublic(Connection c) {
        if (c.kind() != ConnectionKind.PUBLIC_OAUTH) {
            throw new IllegalArgumentException("\"" + c.name() + "\" is not a public (OAuth) connection; only public "
                    + "connections are authorized through OAuth.");
        }
        if (c.clientId() == null || c.clientId().isBlank()) {
            throw new IllegalArgumentException("\"" + c.name() + "\" has no OAuth client ID. Copy it from the "
                    + "connection's settings in Notion (Configuration tab).");
        }
    }
}
