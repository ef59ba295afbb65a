package dev.notionconsole.core.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.Set;

/**
 * The one way the console writes its files: to a temp file in the same folder, flushed to disk, then moved
 * over the target atomically. A crash at any point leaves the old file or the new one, never a partial one.
 *
 * <p>Also the one place that decides file modes (docs/decisions/0093): every file the console creates is
 * readable only by its owner (0600 on POSIX) and every folder it creates is 0700, whether it is written
 * whole ({@link #write}), appended to ({@link #appendLine}, the history) or opened by the logger
 * ({@link #prepareOwnerOnly}).
 */
public final class AtomicFiles {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    private static final Set<PosixFilePermission> FILE_MODE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> DIR_MODE = PosixFilePermissions.fromString("rwx------");

    private AtomicFiles() {
    }

    /** Writes {@code content} atomically; a new file is readable only by its owner. */
    public static void write(Path target, byte[] content) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        createPrivateDirectories(dir);
        // createTempFile makes the file 0600 on POSIX; restrictToOwner also covers Windows
        Path tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
        try {
            restrictToOwner(tmp);
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                writeFully(ch, ByteBuffer.wrap(content));
                ch.force(true);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Writes a file only its owner can read (mode 0600 where the file system has POSIX modes). */
    public static void writeOwnerOnly(Path target, byte[] content) throws IOException {
        write(target, content);
    }

    /**
     * Appends one line to a file created readable only by its owner. When the file does not end with a newline
     * (a crash, a hand edit, {@code truncate}), one is written first, so the new line never glues onto the last.
     */
    public static void appendLine(Path file, byte[] line) throws IOException {
        prepareOwnerOnly(file);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long size = ch.size();
            boolean needsNewline = false;
            if (size > 0) {
                ByteBuffer last = ByteBuffer.allocate(1);
                ch.read(last, size - 1);
                needsNewline = last.get(0) != '\n';
            }
            ch.position(size);
            if (needsNewline) {
                writeFully(ch, ByteBuffer.wrap(new byte[] {'\n'}));
            }
            writeFully(ch, ByteBuffer.wrap(line));
            if (line.length == 0 || line[line.length - 1] != '\n') {
                writeFully(ch, ByteBuffer.wrap(new byte[] {'\n'}));
            }
        }
    }

    /**
     * Makes sure {@code file} exists with mode 0600 (and its missing folders 0700), narrowing an existing file
     * that someone widened. For files opened by other code (the log appender).
     */
    public static void prepareOwnerOnly(Path file) throws IOException {
        createPrivateDirectories(file.toAbsolutePath().getParent());
        try {
            Files.createFile(file, ownerOnlyAttribute(file, FILE_MODE));
        } catch (FileAlreadyExistsException e) {
            // fine: narrowed below
        }
        restrictToOwner(file);
    }

    /** Creates missing folders with mode 0700 on POSIX (existing folders are left as they are). */
    public static void createPrivateDirectories(Path dir) throws IOException {
        if (dir == null || Files.isDirectory(dir)) {
            return;
        }
        Path parent = dir.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            createPrivateDirectories(parent);
        }
        try {
            Files.createDirectory(dir, ownerOnlyAttribute(dir, DIR_MODE));
        } catch (FileAlreadyExistsException e) {
            if (!Files.isDirectory(dir)) {
                throw e;
            }
        }
    }

    /**
     * Moves an unreadable file aside ({@code name.corrupt-20261121-101500}) so the app can start with defaults
     * without losing it. Never replaces an earlier copy: a second one in the same second gets a suffix.
     *
     * @return where the file now is
     */
    public static Path quarantine(Path file) throws IOException {
        Path aside = freshSibling(file, "corrupt");
        Files.move(file, aside);
        return aside;
    }

    /**
     * Copies a file aside ({@code name.bak-20261121-101500}) before a rewrite that drops part of it, so what a
     * store could not use is still on disk.
     *
     * @return the copy
     */
    public static Path keepCopy(Path file) throws IOException {
        Path copy = freshSibling(file, "bak");
        Files.copy(file, copy, StandardCopyOption.COPY_ATTRIBUTES);
        return copy;
    }

    private static Path freshSibling(Path file, String kind) {
        String base = file.getFileName() + "." + kind + "-" + LocalDateTime.now().format(STAMP);
        Path candidate = file.resolveSibling(base);
        for (int n = 2; Files.exists(candidate); n++) {
            candidate = file.resolveSibling(base + "-" + n);
        }
        return candidate;
    }

    private static void writeFully(SeekableByteChannel ch, ByteBuffer buf) throws IOException {
        while (buf.hasRemaining()) {
            ch.write(buf);
        }
    }

    private static FileAttribute<?>[] ownerOnlyAttribute(Path where, Set<PosixFilePermission> mode) {
        Path probe = where.toAbsolutePath().getParent();
        boolean posix = probe != null && Files.exists(probe)
                && probe.getFileSystem().supportedFileAttributeViews().contains("posix");
        return posix ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(mode)} : new FileAttribute<?>[0];
    }

    private static void restrictToOwner(Path file) throws IOException {
        try {
            if (!EnumSet.copyOf(FILE_MODE).containsAll(Files.getPosixFilePermissions(file))) {
                Files.setPosixFilePermissions(file, FILE_MODE);
            }
        } catch (UnsupportedOperationException e) {
            // Windows: files under the user's profile are already private to the user
            var f = file.toFile();
            f.setReadable(false, false);
            f.setReadable(true, true);
            f.setWritable(false, false);
            f.setWritable(true, true);
        }
    }
}
