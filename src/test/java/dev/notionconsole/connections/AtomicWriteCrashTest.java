package dev.notionconsole.connections;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real crash: a child JVM rewrites a ~1 MB connections file in a loop and is killed with SIGKILL at varying
 * moments. Whatever moment it dies, the file must be one whole generation: the old file or the new one.
 */
class AtomicWriteCrashTest {
    @TempDir
    Path dir;

    @Test
    void aKilledWriterLeavesTheOldOrTheNewFileNeverAPartialOne() throws Exception {
        Path file = dir.resolve("connections.json");
        String javaBin = ProcessHandle.current().info().command().orElse("java");
        for (int round = 0; round < 4; round++) {
            Process p = new ProcessBuilder(javaBin, "-cp", System.getProperty("java.class.path"),
                    "-Dlogback.configurationFile=logback-test.xml", CrashingWriter.class.getName(), file.toString())
                    .redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
            // wait until a first generation exists and the next is being written, then kill it at a different point of its cycle each round
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!(Files.exists(file) && tempFileExists()) && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            Thread.sleep(37L * round + 11);
            p.destroyForcibly(); // SIGKILL: no shutdown hooks, no finally blocks
            p.waitFor(10, TimeUnit.SECONDS);

            ConnectionStore.LoadResult loaded = new ConnectionStore(file).load();
            assertTrue(loaded.existed() && loaded.notices().isEmpty(), "round " + round + ": " + loaded.notices());
            assertEquals(400, loaded.document().connections().size());
            Set<String> generations = loaded.document().connections().stream()
                    .map(c -> c.name().substring(0, c.name().indexOf(" #"))).collect(Collectors.toSet());
            assertEquals(1, generations.size(), "one generation per file: " + generations);
            // (each round's writer starts again at generation 1, so generations are not compared across rounds)
        }
        // a later load sweeps the temp files the killed writers left behind, once they are old enough
        try (var files = Files.list(dir)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".tmp")).toList()) {
                Files.setLastModifiedTime(p, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() - 120_000));
            }
        }
        new ConnectionStore(file).load();
        try (var files = Files.list(dir)) {
            assertEquals(Set.of("connections.json", "child.log"),
                    files.map(p -> p.getFileName().toString()).collect(Collectors.toSet()));
        }
    }

    private boolean tempFileExists() throws Exception {
        try (var files = Files.list(dir)) {
            return files.anyMatch(p -> p.getFileName().toString().endsWith(".tmp"));
        }
    }
}
