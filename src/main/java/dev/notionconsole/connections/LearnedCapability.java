package dev.notionconsole.connections;

import dev.notionconsole.notion.Capability;
import java.time.Instant;

/**
 * What the console observed about one capability, and when: a success proves it present; a 403 on an endpoint
 * that needs it suggests it is missing (docs/notion-api.md §4.4). Observations, not facts: capabilities change in
 * Notion's settings without the token changing.
 *
 * @param evidence what was seen, e.g. "403 restricted_resource on GET /v1/comments"
 */
public record LearnedCapability(Capability capability, boolean present, Instant observedAt, String evidence) {
}
