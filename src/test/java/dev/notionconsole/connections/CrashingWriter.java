package dev.notionconsole.connections;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Run in a child JVM by {@link AtomicWriteCrashTest}: saves ever newer versions of a large connections file as
 * fast as it can until it is killed. Generation N names every connection "gen N", so a torn file would show
 * mixed generations or fail to parse.
 */
public final class CrashingWriter {
    public static void main(String[] args) throws Exception {
        ConnectionStore store = new ConnectionStore(Path.of(args[0]));
        String filler = "x".repeat(2000);
        for (int gen = 1; ; gen++) {
            List<Connection> list = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                list.add(Connection.builder(ConnectionKind.INTERNAL).id("id-" + i).name("gen " + gen + " #" + i)
                        .notes(filler).build());
            }
            store.save(new ConnectionsDocument(ConnectionStore.FORMAT_VERSION, null, false, true, list));
        }
    }
}
