package dev.notionconsole.explorer;

import dev.notionconsole.core.io.AtomicFiles;
import dev.notionconsole.core.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Finished maps saved in the config folder ({@code explorer-snapshots/}), at most {@value #KEEP_PER_CONNECTION} per
 * connection (the oldest go first). A snapshot is {@link MapJson}: no tokens, no cursors. Blocking.
 */
public final class SnapshotStore {
    public static final int KEEP_PER_CONNECTION = 10;
    static final String FOLDER = "explorer-snapshots";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS").withZone(ZoneOffset.UTC);

    private final Path dir;

    public SnapshotStore(Path configDir) {
        this.dir = configDir.resolve(FOLDER);
    }

    public Path folder() {
        return dir;
    }

    /** Saves a finished map and drops the oldest beyond the bound. @return the file */
    public Path save(WorkspaceMap map) throws IOException {
        Files.createDirectories(dir);
        String name = slug(map.connection()) + "--" + STAMP.format(map.finishedAt() == null ? java.time.Instant.now() : map.finishedAt()) + ".json";
        Path file = dir.resolve(name);
        AtomicFiles.write(file, Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(MapJson.write(map))
                .getBytes(StandardCharsets.UTF_8));
        List<Path> mine = list(map.connection());
        for (int i = KEEP_PER_CONNECTION; i < mine.size(); i++) {
            Files.deleteIfExists(mine.get(i));
        }
        return file;
    }

    /** A connection's snapshots, newest first. */
    public List<Path> list(String connection) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        String prefix = slug(connection) + "--";
        List<Path> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            s.filter(p -> p.getFileName().toString().startsWith(prefix) && p.toString().endsWith(".json")).forEach(out::add);
        }
        out.sort(Comparator.comparing((Path p) -> p.getFileName().toString()).reversed());
        return out;
    }

    /** @throws IOException when the file is unreadable or not a map (the message says which) */
    public static WorkspaceMap load(Path file) throws IOException {
        try {
            return MapJson.read(Json.mapper().readTree(file.toFile()));
        } catch (IllegalArgumentException e) {
            throw new IOException(file + " is " + e.getMessage(), e);
        }
    }

    static String slug(String name) {
        String s = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return s.isEmpty() ? "connection" : s;
    }
}
