package dev.notionconsole.core.concurrent;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Running tasks with their latest progress, so the status bar can say what the console is doing. Listeners
 * are called on whatever thread changed the activity; UI code hops to its own thread.
 */
public final class ActivityTracker {
    /** One running task as the status bar shows it. */
    public record Activity(long id, String title, Progress progress) {
    }

    private final List<Activity> running = new ArrayList<>();
    private final List<Consumer<List<Activity>>> listeners = new CopyOnWriteArrayList<>();
    private long nextId;

    synchronized long started(String title) {
        long id = ++nextId;
        running.add(new Activity(id, title, new Progress(-1, title)));
        fire();
        return id;
    }

    synchronized void progressed(long id, Progress progress) {
        for (int i = 0; i < running.size(); i++) {
            if (running.get(i).id() == id) {
                running.set(i, new Activity(id, running.get(i).title(), progress));
                fire();
                return;
            }
        }
    }

    synchronized void finished(long id) {
        if (running.removeIf(a -> a.id() == id)) {
            fire();
        }
    }

    public synchronized List<Activity> snapshot() {
        return List.copyOf(running);
    }

    /** Listens to changes; returns a handle that removes the listener. */
    public Runnable addListener(Consumer<List<Activity>> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    private void fire() {
        List<Activity> copy = List.copyOf(running);
        for (Consumer<List<Activity>> l : listeners) {
            l.accept(copy);
        }
    }
}
