package dev.notionconsole.sandbox.http;

/**
 * A step the router runs for every matched request after the route, version and token checks and before the
 * body is parsed (docs/notion-api.md §4.4 "Ordering"): where rate limiting and fault injection plug in. It sees the
 * resolved {@link Call#identity()} (null on routes without bearer auth, e.g. OAuth) and the route.
 */
@FunctionalInterface
public interface PreHandler {
    /**
     * @return null to go on, or a response to send instead (e.g. a non-JSON edge answer)
     * @throws ApiError to answer with a Notion error (e.g. 429 rate_limited with Retry-After)
     */
    Response before(Call call);
}
