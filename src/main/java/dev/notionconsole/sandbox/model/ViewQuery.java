package dev.notionconsole.sandbox.model;

import java.time.Instant;
import java.util.List;

/**
 * The cached result of running a view (docs/notion-api.md §2.5; Notion's "Create a view query" reference): the matching
 * page IDs in view order, frozen at creation, readable page by page until {@code expiresAt} (15 minutes).
 *
 * @param truncated true when more rows matched than the cache holds (request_status incomplete)
 */
public record ViewQuery(String id, View view, List<String> pageIds, Instant expiresAt, boolean truncated) {
}
