package dev.notionconsole.explorer;

import dev.notionconsole.sandbox.model.Block;
import dev.notionconsole.sandbox.model.DataSource;
import dev.notionconsole.sandbox.model.Database;
import dev.notionconsole.sandbox.model.Identity;
import dev.notionconsole.sandbox.model.Node;
import dev.notionconsole.sandbox.model.Page;
import dev.notionconsole.sandbox.model.SandboxModel;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The request-count floor of explorer-diagnostics.md §1.5, {@code ceil(V/100) + U + B}, computed from the sandbox's
 * model for one token (what the sandbox will let it see), not from anything the explorer reports:
 * V = visible live pages and data sources; U = distinct page/database/data-source parents of those that are not
 * in V (a database container of a visible data source is free: search gives its {@code database_parent});
 * B = distinct blocks on {@code block_id} chains, up to the first non-block (or the first unreadable block);
 * D = databases with two or more visible data sources (read once each for their own title).
 */
record RequestFloor(int v, int u, int b, int d) {
    int floor() {
        return (v + 99) / 100 + u + b + d;
    }

    static RequestFloor of(SandboxModel model, String token) {
        return model.read(() -> {
            Identity who = model.tokens().resolve(token, model.clock().instant());
            Set<Node> visible = new HashSet<>();
            Set<Node> containers = new HashSet<>();
            for (Node n : model.nodes()) {
                if ((n instanceof Page || n instanceof DataSource) && n.workspace() == who.workspace()
                        && !n.inTrashOrUnderTrash() && model.visibility().canSee(who, n)) {
                    visible.add(n);
                    if (n instanceof DataSource ds) {
                        containers.add(ds.database());
                    }
                }
            }
            Set<Node> missing = new HashSet<>();
            Set<Node> blocks = new HashSet<>();
            Set<Node> starts = new HashSet<>();
            for (Node n : visible) {
                starts.add(n instanceof DataSource ds ? ds.database() : n);
            }
            for (Node start : starts) {
                Node p = start.parent();
                if (p instanceof DataSource wiki && start instanceof Database) {
                    p = wiki.database(); // a database in a wiki names the wiki's database
                }
                while (p instanceof Block) {
                    if (!blocks.add(p) || !model.visibility().canSee(who, p)) {
                        p = null;
                        break;
                    }
                    p = p.parent();
                }
                if (p != null && !visible.contains(p) && !containers.contains(p)) {
                    missing.add(p);
                }
            }
            Map<Node, Integer> sources = new HashMap<>();
            for (Node n : visible) {
                if (n instanceof DataSource ds) {
                    sources.merge(ds.database(), 1, Integer::sum);
                }
            }
            int d = (int) sources.values().stream().filter(c -> c > 1).count();
            return new RequestFloor(visible.size(), missing.size(), blocks.size(), d);
        });
    }
}
