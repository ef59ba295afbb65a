package dev.notionconsole.connections;

import dev.notionconsole.notion.Capability;
import dev.notionconsole.notion.Exchange;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What a connection was seen to be and to be able to do: the last identity check and the capabilities learned
 * from answers (docs/decisions/0045-learned-capabilities.md), kept on the saved connection. Does not block.
 */
public final class CapabilityLedger {
    /** A repeated, unchanged observation is written again only after this long. */
    private static final Duration REFRESH = Duration.ofHours(1);

    private final ConnectionRegistry registry;
    private final Clock clock;

    CapabilityLedger(ConnectionRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
    }

    /** Remembers the result of an identity check. The environment's connection adopts the kind found. */
    public Connection recordCheck(String id, IdentityCheck check) {
        Connection c = registry.require(id);
        Connection.Builder b = c.toBuilder().lastCheck(check);
        if (c.temporary() && check.detectedKind() != null) {
            b.kind(check.detectedKind());
        }
        Connection updated = b.build();
        registry.replace(updated);
        return updated;
    }

    /** Remembers one capability observation, replacing the previous one for that capability. */
    public Connection recordCapability(String id, Capability capability, boolean present, String evidence) {
        Connection c = registry.require(id);
        List<LearnedCapability> caps = new ArrayList<>(c.capabilities());
        caps.removeIf(x -> x.capability() == capability);
        caps.add(new LearnedCapability(capability, present, clock.instant(), evidence));
        caps.sort(Comparator.comparing(LearnedCapability::capability));
        Connection updated = c.toBuilder().capabilities(caps).build();
        registry.replace(updated);
        return updated;
    }

    /**
     * Learns from an answer what the connection can do ({@link CapabilityEvidence}); called after every exchange.
     * Writes only when something changed or the last observation is an hour old.
     */
    public void learnFrom(Connection c, Exchange exchange) {
        Optional<CapabilityEvidence.Observation> obs = CapabilityEvidence.of(c.kind(), exchange);
        Optional<Connection> stored = registry.find(c.id());
        if (obs.isEmpty() || stored.isEmpty()) {
            return;
        }
        CapabilityEvidence.Observation o = obs.get();
        Optional<LearnedCapability> before = stored.get().learned(o.capability());
        boolean fresh = before.isPresent() && before.get().present() == o.present() && before.get().observedAt() != null
                && before.get().observedAt().isAfter(clock.instant().minus(REFRESH));
        if (!fresh) {
            recordCapability(c.id(), o.capability(), o.present(), o.evidence());
        }
    }
}
