package dev.notionconsole.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.notionconsole.bench.VirtualDisplay;
import dev.notionconsole.launch.ArchivePlan;
import dev.notionconsole.ui.FirstFrameProbe;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Linux installer as a user gets it (docs/decisions/0098-installers.md): the {@code .deb} that
 * {@code mvn -Pjpackage verify} just built is unpacked with {@code dpkg-deb -x} (what {@code dpkg -i} would
 * put on disk, without root), and its launcher {@code /opt/notion-console/bin/notion-console} answers
 * {@code --version}, serves {@code sandbox --json} to a real HTTP call, and starts the GUI under X to its first
 * frame, twice: the first start records the class-data archive, the second maps it.
 */
@Tag("installer")
class InstallerSmokeTest {
    private static final Path DEST = Path.of(System.getProperty("jpackage.dest", "target/jpackage"));
    @TempDir
    static Path root;
    private static Path launcher;

    @BeforeAll
    static void unpackTheDeb() throws Exception {
        assumeTrue(System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("linux"),
                "the .deb smoke test runs on Linux; the macOS and Windows workflow starts their app images");
        Path deb;
        try (Stream<Path> s = Files.list(DEST)) {
            deb = s.filter(p -> p.getFileName().toString().endsWith(".deb")).findFirst()
                    .orElseThrow(() -> new AssertionError("no .deb in " + DEST + ": run mvn -Pjpackage verify"));
        }
        assertTrue(Files.isDirectory(DEST.resolve("notion-console")), "the app image is next to the installers");
        try (Stream<Path> s = Files.list(DEST)) {
            assertTrue(s.anyMatch(p -> p.getFileName().toString().endsWith(".rpm")), "and the .rpm");
        }
        run(List.of("dpkg-deb", "-x", deb.toString(), root.toString()), Map.of(), 120);
        launcher = root.resolve("opt/notion-console/bin/notion-console");
        assertTrue(Files.isExecutable(launcher), "the .deb installs the launcher at " + launcher);
        assertTrue(Files.isRegularFile(root.resolve("opt/notion-console/lib/notion-console-notion-console.desktop"))
                        || Files.isRegularFile(root.resolve("opt/notion-console/lib/notion-console.desktop")),
                "the .deb carries the desktop entry");
        assertTrue(Files.isRegularFile(root.resolve("opt/notion-console/lib/notion-console.png")), "and the icon");
    }

    @Test
    void versionAnswers() throws Exception {
        String out = run(List.of(launcher.toString(), "--version"), Map.of(), 60);
        assertTrue(out.startsWith("Notion Console "), out);
    }

    @Test
    void sandboxJsonServesTheApi() throws Exception {
        Process p = start(List.of(launcher.toString(), "sandbox", "--json"), Map.of());
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line = CompletableFuture.supplyAsync(() -> {
                try {
                    return out.readLine();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).get(60, TimeUnit.SECONDS);
            assertTrue(line != null && line.startsWith("{"), "one JSON line once listening: " + line);
            JsonNode listening = new ObjectMapper().readTree(line);
            String token = null;
            for (JsonNode c : listening.get("connections")) {
                if (c.get("kind").asText().equals("internal") && c.get("token_active").asBoolean()) {
                    token = c.get("token").asText();
                    break;
                }
            }
            assertTrue(token != null, "an active internal connection in " + line);
            HttpResponse<String> me = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create(listening.get("api_url").asText() + "/users/me"))
                    .header("Authorization", "Bearer " + token).header("Notion-Version", "2026-03-11")
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, me.statusCode(), me.body());
            assertTrue(me.body().contains("\"object\":\"user\""), me.body());
        } finally {
            p.destroy();
            assertTrue(p.waitFor(30, TimeUnit.SECONDS), "the sandbox stops on SIGTERM");
        }
    }

    @Test
    void guiReachesItsFirstFrameAndRecordsItsArchive() throws Exception {
        try (VirtualDisplay display = VirtualDisplay.open()) {
            assertTrue(!display.monocle, "no X server: install Xvfb (packaging/linux/install-prerequisites.sh)");
            Path cache = Files.createDirectories(root.resolve("cache"));
            for (int start = 1; start <= 2; start++) {
                Path home = Files.createDirectories(root.resolve("home-" + start));
                Path frame = home.resolve("first-frame.txt");
                Map<String, String> env = new java.util.HashMap<>(Map.of("NOTION_CONSOLE_HOME", home.toString(),
                        "NOTION_CONSOLE_SECRETS", "session", ArchivePlan.CACHE_ENV, cache.toString(),
                        FirstFrameProbe.FILE_ENV, frame.toString(), FirstFrameProbe.EXIT_ENV, "true"));
                display.environment(env);
                List<String> childJvms = new java.util.ArrayList<>();
                runCountingChildren(List.of(launcher.toString()), env, 180, childJvms);
                // the first start records the archive in a child JVM; later ones map it in the script's one JVM (0193)
                List<Path> archives;
                try (Stream<Path> s = Files.list(cache.resolve("cds"))) {
                    archives = s.map(Path::getFileName).toList();
                }
                assertEquals(start == 1, !childJvms.isEmpty(), "start " + start + ": child JVMs " + childJvms + "; cache: " + archives);
                String probe = Files.readString(frame);
                assertTrue(probe.matches("(?s)first=\\d+\nuseful=\\d+\nmaxGapMs=\\d+\nmaxGapEndMs=-?\\d+\ncpuMs=-?\\d+\nfxCpuMs=-?\\d+\n"), probe);
                try (Stream<Path> s = Files.list(cache.resolve("cds"))) {
                    assertTrue(s.anyMatch(p -> p.getFileName().toString().endsWith(".jsa")),
                            "start " + start + " left the class-data archive in " + cache);
                }
            }
        }
    }

    /** Runs to the end, as {@link #run}; adds to {@code childJvms} the command line of each child JVM seen while it ran. */
    private static void runCountingChildren(List<String> cmd, Map<String, String> env, int seconds, List<String> childJvms)
            throws Exception {
        Process p = start(cmd, env);
        CompletableFuture.runAsync(() -> {
            try {
                p.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
            } catch (IOException ignored) {
                // the process ended
            }
        });
        java.util.Set<Long> seen = new java.util.HashSet<>();
        java.util.Set<Long> counted = new java.util.HashSet<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        // polled: the question is about the process tree over time, and no event says when a child appears
        while (!p.waitFor(20, TimeUnit.MILLISECONDS)) {
            // a JVM seen in two samples: the toolkit may fork helpers (dbus-launch without a session bus), which look
            // like java between their fork and their exec
            p.descendants().filter(d -> d.info().command().map(c -> c.endsWith("/java")).orElse(false))
                    .filter(d -> !seen.add(d.pid()) && !counted.contains(d.pid()))
                    .forEach(d -> {
                        counted.add(d.pid());
                        childJvms.add(d.info().commandLine().orElse(d.info().command().orElse("?")));
                    });
            if (System.nanoTime() > deadline) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                throw new AssertionError(cmd + " did not finish within " + seconds + " s");
            }
        }
        assertEquals(0, p.exitValue(), cmd + " failed");
    }

    private static Process start(List<String> cmd, Map<String, String> env) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT);
        pb.environment().remove("NOTION_TOKEN");
        pb.environment().putAll(env);
        if (!env.containsKey("NOTION_CONSOLE_HOME")) {
            pb.environment().put("NOTION_CONSOLE_HOME", root.resolve("cli-home").toString());
        }
        return pb.start();
    }

    /** Runs to the end; returns standard output; fails on a non-zero exit or after {@code seconds}. */
    private static String run(List<String> cmd, Map<String, String> env, int seconds) throws Exception {
        Process p = start(cmd, env);
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> {
            try {
                return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            throw new AssertionError(cmd + " did not finish within " + seconds + " s");
        }
        String text = out.get(10, TimeUnit.SECONDS);
        assertEquals(0, p.exitValue(), cmd + " failed: " + text);
        return text;
    }
}
