package dev.notionconsole.sandbox.ops.state;

import dev.notionconsole.sandbox.fixture.FixtureException;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A state file that cannot be loaded. The sandbox does not start, so the file is never overwritten: the user
 * decides whether to fix it, move it aside or delete it.
 */
public final class StateFileException extends IOException {
    private final Path file;

    public StateFileException(Path file, FixtureException cause) {
        super("The sandbox state file " + file + " cannot be loaded, so the sandbox did not start and the file was "
                + "left as it is. Fix it, or move it aside to start from the fixture again.\n"
                + cause.getMessage(), cause);
        this.file = file;
    }

    public Path file() {
        return file;
    }
}
