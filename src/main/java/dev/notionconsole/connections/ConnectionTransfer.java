package dev.notionconsole.connections;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import dev.notionconsole.core.Secret;
import dev.notionconsole.core.json.Json;
import dev.notionconsole.secrets.SecretStoreException;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Export and import of connection definitions for teams: JSON without any secret, installation, check result
 * or capability observation (those belong to one person's tokens). Importing asks for each definition's
 * secret through a {@link SecretPrompt}: the UI shows a dialog, the command line reads stdin or a variable.
 */
public final class ConnectionTransfer {
    public static final String FORMAT = "notion-console/connections-export";
    public static final int FORMAT_VERSION = 1;

    /** The exported shape of one connection. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Definition(String name, ConnectionKind kind, String baseUrl, String notionVersion, RatePlan ratePlan,
                             String notes, String sandboxRef, String clientId, String redirectUri) {
        static Definition of(Connection c) {
            return new Definition(c.name(), c.kind(), c.baseUrl(), c.notionVersion(), c.ratePlan(), c.notes(),
                    c.sandboxRef(), c.clientId(), c.redirectUri());
        }

        Connection toDraft() {
            return Connection.builder(kind).name(name).baseUrl(baseUrl).notionVersion(notionVersion).ratePlan(ratePlan)
                    .notes(notes).sandboxRef(sandboxRef).clientId(clientId).redirectUri(redirectUri).build();
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Export(String format, int formatVersion, Instant exportedAt, String about, List<Definition> connections) {
    }

    /** Which secret an imported definition needs before it can be saved. */
    public enum SecretNeed {
        TOKEN, CLIENT_SECRET, NONE;

        public static SecretNeed of(Connection draft) {
            if (draft.kind() == ConnectionKind.PUBLIC_OAUTH) {
                return draft.sandboxRef() != null ? NONE : CLIENT_SECRET;
            }
            return draft.sandboxRef() != null ? NONE : TOKEN;
        }
    }

    /** Asks for the secret of one imported connection (named as in the file); empty to skip that connection. */
    @FunctionalInterface
    public interface SecretPrompt {
        Optional<Secret> secretFor(Connection draft, SecretNeed need) throws IOException;
    }

    /**
     * What an import did, connection by connection.
     *
     * @param skipped not imported and why (no secret given, invalid)
     * @param alreadyPresent the same definition exists already (nothing to do)
     */
    public record ImportReport(List<Connection> added, List<String> skipped, List<String> alreadyPresent) {
    }

    private ConnectionTransfer() {
    }

    /** The existing connection an imported draft would only duplicate, if any. */
    public static Optional<Connection> alreadyPresent(ConnectionService service, Connection draft) {
        return service.list().stream().filter(c -> sameDefinition(c, draft)).findFirst();
    }

    /** The same sandbox default, or the same name, kind and endpoint: importing it again would only duplicate it. */
    private static boolean sameDefinition(Connection existing, Connection draft) {
        if (draft.sandboxRef() != null) {
            return draft.sandboxRef().equals(existing.sandboxRef());
        }
        return existing.name().equalsIgnoreCase(draft.name()) && existing.kind() == draft.kind()
                && existing.baseUrl().equals(draft.baseUrl()) && java.util.Objects.equals(existing.clientId(), draft.clientId());
    }

    public static byte[] export(List<Connection> connections, Instant now) throws IOException {
        List<Definition> defs = connections.stream().filter(c -> !c.temporary()).map(Definition::of).toList();
        Export doc = new Export(FORMAT, FORMAT_VERSION, now,
                "Notion Console connection definitions. No tokens or secrets: each importer enters their own.", defs);
        return Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(doc);
    }

    /** Reads an export; the drafts have no id yet. */
    public static List<Connection> parse(byte[] json) throws IOException {
        JsonNode tree;
        try {
            tree = Json.mapper().readTree(json);
        } catch (IOException e) {
            throw new IOException("Not a connections export: the file is not valid JSON.");
        }
        if (tree == null || !FORMAT.equals(tree.path("format").asText())) {
            throw new IOException("Not a connections export: expected \"format\": \"" + FORMAT + "\".");
        }
        if (tree.path("formatVersion").asInt() > FORMAT_VERSION) {
            throw new IOException("This export was written by a newer Notion Console (format "
                    + tree.path("formatVersion").asInt() + "); update to import it.");
        }
        List<Connection> drafts = new ArrayList<>();
        for (JsonNode n : tree.path("connections")) {
            Definition d = Json.mapper().treeToValue(n, Definition.class);
            if (d.kind() == null || d.name() == null) {
                throw new IOException("An exported connection has no name or kind.");
            }
            drafts.add(d.toDraft());
        }
        return drafts;
    }

    /**
     * Adds each draft after asking for its secret; names already taken get a number. Blocking (secret store).
     */
    public static ImportReport importInto(ConnectionService service, List<Connection> drafts, SecretPrompt prompt)
            throws IOException, SecretStoreException {
        List<Connection> added = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        List<String> present = new ArrayList<>();
        for (Connection draft : drafts) {
            Optional<Connection> same = alreadyPresent(service, draft);
            if (same.isPresent()) {
                present.add(draft.name() + ": already here as \"" + same.get().name() + "\"");
                continue;
            }
            Connection named = draft.toBuilder().name(ConnectionRegistry.uniqueName(draft.name(), service.list())).build();
            SecretNeed need = SecretNeed.of(named);
            Secret secret = null;
            if (need != SecretNeed.NONE) {
                Optional<Secret> given = prompt.secretFor(draft, need);
                if (given.isEmpty()) {
                    skipped.add(named.name() + ": no " + (need == SecretNeed.TOKEN ? "token" : "client secret") + " given");
                    continue;
                }
                secret = given.get();
            }
            try {
                added.add(service.add(named, need == SecretNeed.TOKEN ? secret : null,
                        need == SecretNeed.CLIENT_SECRET ? secret : null));
            } catch (InvalidConnectionException e) {
                skipped.add(named.name() + ": " + e.getMessage());
            }
        }
        return new ImportReport(added, skipped, present);
    }
}
