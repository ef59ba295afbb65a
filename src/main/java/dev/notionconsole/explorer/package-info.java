/**
 * The Explorer engine (issue 10; docs/decisions/0070): what a connection can see and through which sharing root.
 * No JavaFX; every call blocks, so run it in a background task ({@code core.concurrent.TaskRunner}).
 *
 * <h2>For the Explorer UI</h2>
 * <pre>{@code
 * ApiCalls calls = ApiCalls.as(connectionCaller, connection);              // the one way to call as a connection
 * Mapper mapper = new Mapper(calls, connection.name(), TokenKind.of(connection.kind()), connection.notionVersion());
 * CancellationToken cancel = new CancellationToken();                       // cancel.cancel(): stops within one request
 * WorkspaceMap map = mapper.map(new MapListener() {
 *     public void onNodes(List<MapNode> nodes) { ... }                      // stream into the tree (sharingRoot still null)
 *     public void onProgress(MapProgress p) { ... }                         // requests done/estimated, objects, wait + reason
 *     public void onNote(MapNote n) { ... }                                 // partial: restarts, failed probes, ...
 * }, cancel);
 * map.treeTops(); map.children(id); map.byRoot(); map.path(id); map.whyVisible(id); map.rootPhrase();
 * ChildrenLoader lazy = new ChildrenLoader(calls, map, connection.notionVersion());
 * ChildPage page = lazy.blockChildren(pageId, cancel);                      // one level, 100 at a time
 * ChildPage rows = lazy.rows(dataSourceId, cancel);                         // a data source's rows
 * if (page.hasMore()) page = lazy.more(page, false, cancel);                // "load more"
 * WorkspaceMap again = mapper.remap(map, listener, cancel);                 // reuses the map; again.lost() has verdicts
 * ConnectionComparison.compare(mapA, mapB);                                 // only A / only B / both, addAHere()
 * MapDiff.between(older, newer);                                            // one connection over time
 * MapExport.csv(map, redactTitles); MapExport.json(map, redactTitles); MapExport.csv(comparison, redactTitles);
 * new SnapshotStore(appDirs.config()).save(map); SnapshotStore.load(path); MapJson.write(map) / read(json);
 * }</pre>
 * Badges: {@link dev.notionconsole.explorer.MapNode#kindLabel()}, {@code isRoot()}, {@code placeholder()},
 * {@code inTrash()}, {@code notInSearch()}, {@code publicUrl()}, flags {@code LOCKED}, {@code PARTIAL}, {@code WIKI},
 * {@code LINKED_VIEW}. Listener methods are called on the mapping thread: hop to the FX thread in the view model.
 */
package dev.notionconsole.explorer;
