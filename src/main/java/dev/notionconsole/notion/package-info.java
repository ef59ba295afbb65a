/**
 * The Notion HTTP client: THE one place the app builds HTTP requests ({@link dev.notionconsole.notion.NotionClient}),
 * with exchanges ({@link dev.notionconsole.notion.Exchange}), typed errors ({@link dev.notionconsole.notion.NotionError},
 * {@link dev.notionconsole.notion.ErrorCodes}), ID parsing ({@link dev.notionconsole.notion.NotionIds}), retries
 * ({@link dev.notionconsole.notion.RetryPolicy}), pacing ({@link dev.notionconsole.notion.RateLimiter}) and
 * pagination. No JavaFX here; everything is tested over real HTTP against loopback servers.
 */
package dev.notionconsole.notion;
