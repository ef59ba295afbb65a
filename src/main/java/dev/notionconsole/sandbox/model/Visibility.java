package dev.notionconsole.sandbox.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Decides whether a token can see an object (docs/notion-api.md §5.1, 5.2, 8 "Permissions"):
 * <ul>
 *   <li>internal connection: the object or an ancestor is shared with it, and no page or database between the two
 *       (the object included) is one it was removed from (a hole: the nearest share or removal on the way up
 *       decides, so a page shared again below a removal is visible; explorer-diagnostics.md §0.7, §1.4);</li>
 *   <li>public installation: the object or an ancestor was picked by the installing user, and that user can see it;</li>
 *   <li>personal access token: its creator can see it;</li>
 *   <li>a person: members and owners see everything except other people's private pages; guests see the pages
 *       they were given and their descendants;</li>
 *   <li>never across workspaces. Rows follow their database and data sources follow theirs simply because the
 *       walk goes through them. Linked databases are Blocks, so they never resolve as databases.</li>
 * </ul>
 * A walk is O(depth); answers are cached per principal and node and dropped whenever sharing or the tree's shape
 * changes ({@link #invalidate()}, called under the write lock).
 */
public final class Visibility {
    private final SandboxModel model;
    private final Map<String, Map<Node, Boolean>> caches = new ConcurrentHashMap<>();

    Visibility(SandboxModel model) {
        this.model = model;
    }

    void invalidate() {
        caches.clear();
    }

    public boolean canSee(Identity identity, Node node) {
        if (node == null || node.workspace() != identity.workspace()) {
            return false;
        }
        return switch (identity.kind()) {
            case INTERNAL -> underGrant("bot:" + identity.bot().id(), node, identity.connection().shares(),
                    identity.connection().removedFrom());
            case PERSONAL -> userCanSee(identity.person(), node);
            case PUBLIC -> underGrant("install:" + identity.bot().id(), node, identity.installation().pickedPages(), Set.of())
                    && userCanSee(identity.person(), node);
        };
    }

    /** What a person can see: used for PATs, installations and the OAuth page picker. */
    public boolean userCanSee(User user, Node node) {
        if (node == null || user == null || node.workspace() != user.workspace()) {
            return false;
        }
        String key = "user:" + user.id();
        Map<Node, Boolean> cache = caches.computeIfAbsent(key, k -> new ConcurrentHashMap<>());
        Boolean cached = cache.get(node);
        if (cached != null) {
            return cached;
        }
        boolean result = true;
        for (Node n = node; n != null; n = n.parent()) {
            if (n instanceof Page p && p.privateTo() != null && !p.privateTo().equals(user.id())) {
                result = false;
                break;
            }
        }
        if (result && !user.accessAll()) {
            result = underGrant(key + ":roots", node, user.accessRoots(), Set.of());
        }
        cache.put(node, result);
        return result;
    }

    /**
     * True when the nearest of the node and its ancestors that is granted or removed is granted; memoises every node on
     * the walked path.
     */
    private boolean underGrant(String key, Node node, Set<String> granted, Set<String> removed) {
        Map<Node, Boolean> cache = caches.computeIfAbsent(key, k -> new ConcurrentHashMap<>());
        List<Node> path = new ArrayList<>(8);
        boolean result = false;
        for (Node n = node; n != null; n = n.parent()) {
            Boolean cached = cache.get(n);
            if (cached != null) {
                result = cached;
                break;
            }
            path.add(n);
            if (granted.contains(n.id())) {
                result = true;
                break;
            }
            if (!removed.isEmpty() && removed.contains(n.id())) {
                break;
            }
        }
        // Everything below a granted node is visible down to a removal; everything on a path with no grant is not.
        for (Node n : path) {
            cache.put(n, result);
        }
        return result;
    }

    SandboxModel model() {
        return model;
    }
}
