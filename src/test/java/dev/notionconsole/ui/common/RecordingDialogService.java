package dev.notionconsole.ui.common;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * A {@link DialogService} for ViewModel tests without a toolkit: records what the ViewModel showed and
 * answers questions from a script ({@link #answerConfirm}, {@link #answerFile}). An unscripted question fails
 * the test rather than guessing an answer.
 */
public final class RecordingDialogService implements DialogService {
    /** One thing the ViewModel showed or asked. */
    public record Shown(String kind, String title, String message, Throwable cause) {
    }

    public final List<Shown> shown = new ArrayList<>();
    public String clipboard;
    public Duration clipboardClearAfter;
    private final Deque<Boolean> confirmAnswers = new ArrayDeque<>();
    private final Deque<Optional<Path>> fileAnswers = new ArrayDeque<>();

    public RecordingDialogService answerConfirm(boolean answer) {
        confirmAnswers.add(answer);
        return this;
    }

    /** The next file chooser returns this path (null: the user cancelled). */
    public RecordingDialogService answerFile(Path path) {
        fileAnswers.add(Optional.ofNullable(path));
        return this;
    }

    public List<Shown> ofKind(String kind) {
        return shown.stream().filter(s -> s.kind().equals(kind)).toList();
    }

    @Override
    public void showError(String title, String message) {
        shown.add(new Shown("error", title, message, null));
    }

    @Override
    public void showError(String title, String message, Throwable cause) {
        shown.add(new Shown("error", title, message, cause));
    }

    @Override
    public void showWarning(String title, String message) {
        shown.add(new Shown("warning", title, message, null));
    }

    @Override
    public void showInformation(String title, String message) {
        shown.add(new Shown("information", title, message, null));
    }

    @Override
    public boolean confirm(String title, String message, String confirmLabel) {
        shown.add(new Shown("confirm", title, message, null));
        if (confirmAnswers.isEmpty()) {
            throw new AssertionError("unexpected confirmation: " + title);
        }
        return confirmAnswers.removeFirst();
    }

    @Override
    public Optional<Path> chooseFileToOpen(String title, List<FileType> types) {
        return nextFile("open", title);
    }

    @Override
    public Optional<Path> chooseFileToSave(String title, String suggestedName, List<FileType> types) {
        return nextFile("save", title);
    }

    @Override
    public Optional<Path> chooseDirectory(String title) {
        return nextFile("directory", title);
    }

    private Optional<Path> nextFile(String kind, String title) {
        shown.add(new Shown(kind, title, null, null));
        if (fileAnswers.isEmpty()) {
            throw new AssertionError("unexpected file chooser: " + title);
        }
        return fileAnswers.removeFirst();
    }

    @Override
    public void copyToClipboard(String text) {
        clipboard = text;
        clipboardClearAfter = null;
    }

    @Override
    public void copyToClipboard(String text, Duration clearAfter) {
        clipboard = text;
        clipboardClearAfter = clearAfter;
    }

    @Override
    public void notify(NotificationKind kind, String message) {
        shown.add(new Shown("notify-" + kind.name().toLowerCase(java.util.Locale.ROOT), null, message, null));
    }

    private final Deque<Optional<String>> textAnswers = new ArrayDeque<>();
    private final Deque<Optional<NameInGroup>> nameAnswers = new ArrayDeque<>();

    /** The next text prompt returns this (null: cancelled). */
    public RecordingDialogService answerText(String text) {
        textAnswers.add(Optional.ofNullable(text));
        return this;
    }

    /** The next name-and-group prompt returns this (null: cancelled). */
    public RecordingDialogService answerName(NameInGroup answer) {
        nameAnswers.add(Optional.ofNullable(answer));
        return this;
    }

    @Override
    public Optional<String> askText(String title, String header, String initial) {
        shown.add(new Shown("askText", title, header, null));
        if (textAnswers.isEmpty()) {
            throw new AssertionError("unexpected text prompt: " + title);
        }
        return textAnswers.removeFirst();
    }

    @Override
    public Optional<NameInGroup> askNameInGroup(String title, String header, String name, List<String> groups, String group) {
        shown.add(new Shown("askName", title, header + " groups=" + groups, null));
        if (nameAnswers.isEmpty()) {
            throw new AssertionError("unexpected name prompt: " + title);
        }
        return nameAnswers.removeFirst();
    }
}
