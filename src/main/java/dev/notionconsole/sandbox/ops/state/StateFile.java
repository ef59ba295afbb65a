package dev.notionconsole.sandbox.ops.state;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.notionconsole.core.io.AtomicFiles;
import dev.notionconsole.core.json.Json;
import dev.notionconsole.sandbox.fixture.FixtureException;
import dev.notionconsole.sandbox.fixture.FixtureLoader;
import dev.notionconsole.sandbox.fixture.FixtureWriter;
import dev.notionconsole.sandbox.model.SandboxModel;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The {@code --state FILE} of a sandbox (decision 0033): the whole model written as a fixture document by
 * {@link FixtureWriter}, atomically, and read back by {@link FixtureLoader} on the next start. A state file is
 * therefore an ordinary fixture: readable, diffable, and usable as {@code --fixture} to share a setup.
 */
public final class StateFile {
    private StateFile() {
    }

    /**
     * Reads a state file.
     *
     * @throws StateFileException when it is not a valid fixture; the file is left exactly as it is
     */
    public static SandboxModel load(Path file, Clock clock) throws StateFileException {
        try {
            return FixtureLoader.load(file, clock);
        } catch (FixtureException e) {
            throw new StateFileException(file, e);
        }
    }

    /** Writes the model (under its read lock) to {@code file}, atomically: a crash leaves the old file or the new one. */
    public static void save(SandboxModel model, Path file) throws IOException {
        ObjectNode doc = model.read(() -> FixtureWriter.write(model));
        doc.put("description", "Sandbox state saved by notion-console at "
                + Instant.now().truncatedTo(ChronoUnit.SECONDS) + "; loads like any fixture.");
        AtomicFiles.write(file, Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(doc));
    }
}
