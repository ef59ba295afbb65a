package dev.notionconsole.core.concurrent;

import java.util.concurrent.CancellationException;

/**
 * Runs work and callbacks on the calling thread, deterministically: ViewModel tests and the command line use
 * it. A failure with no failure callback is rethrown, so a test never passes over a swallowed error.
 */
public final class InlineTaskRunner implements TaskRunner {
    private final ActivityTracker activity = new ActivityTracker();

    @Override
    public <T> TaskHandle execute(BackgroundTask<T> task) {
        CancellationToken token = new CancellationToken();
        long id = activity.started(task.title());
        TaskContext context = new TaskContext() {
            @Override
            public CancellationToken cancellation() {
                return token;
            }

            @Override
            public void progress(double fraction, String message) {
                Progress p = new Progress(fraction, message);
                activity.progressed(id, p);
                task.onProgress().accept(p);
            }
        };
        task.onRunning().run();
        try {
            T result = task.work().call(context);
            if (token.isCancelled()) {
                task.onCancelled().run();
            } else {
                task.onSuccess().accept(result);
            }
        } catch (CancellationException e) {
            task.onCancelled().run();
        } catch (Exception e) {
            if (task.onFailure() == null) {
                throw new IllegalStateException("Task '" + task.title() + "' failed", e);
            }
            task.onFailure().accept(e);
        } finally {
            activity.finished(id);
            task.onFinally().run();
        }
        return new TaskHandle() {
            @Override
            public void cancel() {
                token.cancel();
            }

            @Override
            public boolean isDone() {
                return true;
            }

            @Override
            public CancellationToken cancellation() {
                return token;
            }
        };
    }

    @Override
    public ActivityTracker activity() {
        return activity;
    }
}
