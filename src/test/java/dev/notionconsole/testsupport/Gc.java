package dev.notionconsole.testsupport;

import java.lang.ref.WeakReference;

/** Runs the garbage collector until an object reachable only weakly has really been collected. */
public final class Gc {
    private Gc() {
    }

    /** Returns once a collection has cleared a fresh weak reference; fails the test after 50 requests. */
    public static void collect() {
        WeakReference<Object> sentinel = new WeakReference<>(new Object());
        for (int i = 0; i < 50 && sentinel.get() != null; i++) {
            System.gc();
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        if (sentinel.get() != null) {
            throw new AssertionError("the garbage collector did not run");
        }
    }
}
