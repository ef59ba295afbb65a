package dev.notionconsole.cli;

import dev.notionconsole.connections.Connection;
import dev.notionconsole.connections.ConnectionKind;
import dev.notionconsole.connections.InstallationScope;
import dev.notionconsole.connections.InvalidConnectionException;
import dev.notionconsole.connections.RatePlan;
import dev.notionconsole.core.Secret;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/** {@code notion-console connections add}: one subcommand of {@link ConnectionsCommand}. */
@Command(name = "add", description = "Save a new connection.")
final class ConnectionsAdd extends ConnectionsSubcommand implements Callable<Integer> {
    @Option(names = "--name", required = true)
    String name;
    @Option(names = "--kind", required = true, description = "internal, public or pat.")
    String kind;
    @Option(names = "--base-url", description = "Default https://api.notion.com; 'sandbox' for the built-in sandbox.")
    String baseUrl;
    @Option(names = "--notion-version", description = "Pinned Notion-Version (default ${DEFAULT-VALUE}).", defaultValue = Connection.DEFAULT_NOTION_VERSION)
    String notionVersion;
    @Option(names = "--rate-plan", description = "Requests per minute: 180 (Free, Plus) or 600 (Business, Enterprise).", defaultValue = "180")
    int ratePlan;
    @Option(names = "--notes")
    String notes;
    @Option(names = "--client-id", description = "Public connections: the OAuth client id.")
    String clientId;
    @Option(names = "--redirect-uri", description = "Public connections: the registered redirect URI.")
    String redirectUri;
    @Option(names = "--installation-scope", paramLabel = "any|selected", converter = ScopeConverter.class,
            description = "Public connections: which workspaces may install it, as chosen when it was created in Notion "
                    + "(fixed since; the API does not report it): any, or selected (selected workspaces only).")
    InstallationScope installationScope;
    @ArgGroup(exclusive = true)
    TokenSource token;
    @ArgGroup(exclusive = true)
    ClientSecretSource clientSecret;
    @Option(names = "--use", description = "Make it the current connection.")
    boolean use;

    @Override
    public Integer call() throws Exception {
        CommandLine cl = spec.commandLine();
        ConnectionKind k;
        try {
            k = ConnectionKind.parse(kind);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cl, e.getMessage());
        }
        if (ratePlan != 180 && ratePlan != 600) {
            throw new CommandLine.ParameterException(cl, "--rate-plan is 180 or 600.");
        }
        Secret tokenValue = token == null ? null : parent.readSecret(token.env, token.stdin, "token", cl).orElse(null);
        Secret clientSecretValue = clientSecret == null ? null
                : parent.readSecret(clientSecret.env, clientSecret.stdin, "client secret", cl).orElse(null);
        if (k == ConnectionKind.PUBLIC_OAUTH && tokenValue != null) {
            throw new CommandLine.ParameterException(cl, "A public connection has no token of its own: give "
                    + "--client-secret-env or --client-secret-stdin, then authorize with 'notion-console oauth'.");
        }
        if (k != ConnectionKind.PUBLIC_OAUTH && clientSecretValue != null) {
            throw new CommandLine.ParameterException(cl, "Only public connections have a client secret; use --token-env or --token-stdin.");
        }
        if (tokenValue != null || clientSecretValue != null) {
            parent.requireLastingSecrets(cl);
        }
        // a public connection without one gets the default loopback redirect URI, port picked once (decision 0050)
        String redirect = k == ConnectionKind.PUBLIC_OAUTH && (redirectUri == null || redirectUri.isBlank())
                ? dev.notionconsole.oauth.RedirectUri.pickDefault().value() : redirectUri;
        Connection draft = Connection.builder(k).name(name).baseUrl(baseUrl).notionVersion(notionVersion)
                .ratePlan(RatePlan.ofPerMinute(ratePlan)).notes(notes).clientId(clientId).redirectUri(redirect)
                .installationScope(installationScope).build();
        Connection added;
        try {
            added = parent.service().add(draft, tokenValue, clientSecretValue);
        } catch (InvalidConnectionException e) {
            throw new CommandLine.ParameterException(cl, e.getMessage()
                    + (tokenValue == null && k != ConnectionKind.PUBLIC_OAUTH ? " (--token-env VAR or --token-stdin)" : ""));
        }
        if (use) {
            parent.service().setCurrent(added.id());
        }
        cl.getOut().println("Added \"" + added.name() + "\" (" + added.id() + "). Secrets kept in: "
                + parent.service().secretStorage().describe() + ".");
        if (k == ConnectionKind.PUBLIC_OAUTH) {
            cl.getOut().println("Register this redirect URI in the connection's settings in Notion (OAuth Domain & URIs): "
                    + added.redirectUri());
            cl.getOut().println("Then authorize it with: notion-console oauth login --connection \"" + added.name() + "\"");
        } else {
            cl.getOut().println("Check it with: notion-console connections test \"" + added.name() + "\"");
        }
        return ExitCodes.OK;
    }

    static final class ScopeConverter implements CommandLine.ITypeConverter<InstallationScope> {
        @Override
        public InstallationScope convert(String value) {
            return switch (value.strip().toLowerCase(java.util.Locale.ROOT)) {
                case "any" -> InstallationScope.ANY_WORKSPACE;
                case "selected" -> InstallationScope.SELECTED_WORKSPACES;
                default -> throw new CommandLine.TypeConversionException("use any or selected, not '" + value + "'");
            };
        }
    }
}
