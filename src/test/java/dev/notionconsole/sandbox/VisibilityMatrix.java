package dev.notionconsole.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.notionconsole.testsupport.VisibilityOracle;
import dev.notionconsole.testsupport.VisibilityOracle.FixtureObject;
import dev.notionconsole.testsupport.VisibilityOracle.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every token of a fixture against every object of it, over real HTTP, compared with what the
 * {@link VisibilityOracle} expects from the fixture file: visible (200), or the exact 404, 403 or 401
 * (docs/notion-api.md §5.1, §5.2).
 */
final class VisibilityMatrix {
    private final SandboxClient api;
    private final VisibilityOracle oracle;
    private int checked;

    VisibilityMatrix(SandboxClient api, VisibilityOracle oracle) {
        this.api = api;
        this.oracle = oracle;
    }

    /** Every GET as the oracle says, after at least {@code minChecks} of them; every search too. */
    void assertAgrees(int minChecks) {
        List<String> mismatches = getMismatches();
        assertTrue(checked > minChecks, "checked " + checked);
        assertEquals(List.of(), mismatches, () -> mismatches.size() + " mismatches:\n" + String.join("\n", mismatches));
        List<String> search = searchMismatches();
        assertEquals(List.of(), search, () -> String.join("\n", search));
    }

    /** Each object on its own route(s) with each token: the differences from the oracle, one per line. */
    List<String> getMismatches() {
        List<String> mismatches = new ArrayList<>();
        for (Principal who : oracle.principals()) {
            for (FixtureObject o : oracle.objects()) {
                for (String[] route : routes(o)) {
                    checked++;
                    var r = api.get(route[0], who.token());
                    String expected = expectation(who, o, route[1]);
                    String actual = r.status() + " " + (r.status() == 200 ? r.json().path("id").asText() : r.message());
                    String integrationId = r.json() == null ? "" : r.json().path("additional_data").path("integration_id").asText();
                    if (r.status() == 404 && !dev.notionconsole.testsupport.FixtureIds.id(who.connectionKey()).equals(integrationId)) {
                        actual += " (integration_id " + r.json().path("additional_data") + ")";
                    }
                    if (!expected.equals(actual)) {
                        mismatches.add(who.name() + " " + who.token().substring(12, 24) + " GET " + route[0] + " (" + o.key() + ")\n    expected "
                                + expected + "\n    actual   " + actual);
                    }
                }
            }
        }
        return mismatches;
    }

    /** Search with each token that can read: exactly the visible pages and data sources not in the trash. */
    List<String> searchMismatches() {
        List<String> mismatches = new ArrayList<>();
        for (Principal who : oracle.principals()) {
            if (!who.canRead()) {
                continue;
            }
            Set<String> expected = new TreeSet<>();
            for (FixtureObject o : oracle.objects()) {
                if (("page".equals(o.kind()) || "data_source".equals(o.kind())) && !o.trashed() && oracle.sees(who, o)) {
                    expected.add(o.id());
                }
            }
            Set<String> actual = new TreeSet<>();
            String cursor = null;
            int pages = 0;
            do {
                var r = api.post("/v1/search", who.token(), cursor == null ? "{\"page_size\": 100}"
                        : "{\"page_size\": 100, \"start_cursor\": \"" + cursor + "\"}");
                if (r.status() != 200) {
                    mismatches.add(who.name() + ": search gave " + r);
                    break;
                }
                r.json().path("results").forEach(x -> actual.add(x.path("id").asText()));
                cursor = r.json().path("has_more").asBoolean() ? r.json().path("next_cursor").asText() : null;
                pages++;
            } while (cursor != null && pages < 20);
            if (!expected.equals(actual)) {
                mismatches.add(who.name() + " " + who.token() + ": search expected " + expected + "\n    actual " + actual);
            }
        }
        return mismatches;
    }

    /** Each object on its own route, and everything except data sources and views also as a block. */
    static List<String[]> routes(FixtureObject o) {
        List<String[]> out = new ArrayList<>();
        switch (o.kind()) {
            case "page" -> out.add(new String[] {"/v1/pages/" + o.id(), "page"});
            case "database" -> out.add(new String[] {"/v1/databases/" + o.id(), "database"});
            case "data_source" -> out.add(new String[] {"/v1/data_sources/" + o.id(), "data_source"});
            case "view" -> out.add(new String[] {"/v1/views/" + o.id(), "view"});
            default -> { }
        }
        if (!"data_source".equals(o.kind()) && !"view".equals(o.kind())) {
            out.add(new String[] {"/v1/blocks/" + o.id(), "block"});
        }
        return out;
    }

    private String expectation(Principal who, FixtureObject o, String noun) {
        if (who.status() == 401) {
            return "401 API token is invalid.";
        }
        if (who.status() == 403) {
            return "403 Insufficient permissions for this endpoint.";
        }
        if (oracle.sees(who, o)) {
            return "200 " + o.id();
        }
        return "404 Could not find " + noun + " with ID: " + o.id() + ". Make sure the relevant pages and databases are shared with your integration \""
                + who.name() + "\".";
    }
}
