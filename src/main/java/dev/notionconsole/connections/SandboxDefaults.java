package dev.notionconsole.connections;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The connections a first start adds for the sandbox fixture's integrations, so the console works at once. */
final class SandboxDefaults {
    private static final Logger LOG = LoggerFactory.getLogger(SandboxDefaults.class);

    private SandboxDefaults() {
    }

    /** One connection per fixture integration, named apart from {@code existing}; empty when the fixture has none or cannot be read. */
    static List<Connection> of(SandboxAccess sandbox, List<Connection> existing, Clock clock) {
        List<SandboxAccess.FixtureConnection> fixture;
        try {
            fixture = sandbox.fixtureConnections();
        } catch (IOException | RuntimeException e) {
            LOG.warn("The sandbox's default connections could not be read: {}", e.getMessage());
            return List.of();
        }
        List<Connection> all = new ArrayList<>(existing);
        List<Connection> added = new ArrayList<>();
        for (SandboxAccess.FixtureConnection f : fixture) {
            String name = ConnectionRegistry.uniqueName("Sandbox: " + f.name(), all);
            Connection.Builder b = Connection.builder(f.kind()).id(UUID.randomUUID().toString()).name(name)
                    .baseUrl(Connection.SANDBOX).sandboxRef(f.ref()).createdAt(clock.instant())
                    .ratePlan(RatePlan.ofPerMinute(f.ratePerMinute())) // the fixture workspace's plan (docs/notion-api.md §4.5)
                    .notes("Built-in sandbox" + (f.workspaceName() != null ? ", workspace " + f.workspaceName() : "")
                            + (f.description() != null && !f.description().isBlank() ? ". " + f.description().strip().replaceAll("\\.+$", "") : "")
                            + ". Its fake token comes from the sandbox's fixture.");
            if (f.kind() == ConnectionKind.PUBLIC_OAUTH) {
                b.clientId(f.clientId()).redirectUri(f.redirectUris().isEmpty() ? null : f.redirectUris().get(0));
            }
            Connection c = b.build();
            all.add(c);
            added.add(c);
        }
        return added;
    }
}
