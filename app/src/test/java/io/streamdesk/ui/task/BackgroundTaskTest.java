package io.streamdesk.ui.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class BackgroundTaskTest {

    @Test
    void callsBackInOrderAndCountsWork() {
        BackgroundWork work = new BackgroundWork();
        List<String> calls = new ArrayList<>();
        BackgroundTask.wrap(() -> {
                    calls.add("work, running=" + work.runningProperty().get());
                    return 42;
                })
                .titled("Answering")
                .onRunning(() -> calls.add("running"))
                .onSuccess(v -> calls.add("success " + v))
                .onFinished(() -> calls.add("finished"))
                .executeWith(new CurrentThreadTaskExecutor(), UiThread.direct(), work);
        assertThat(calls).containsExactly("running", "work, running=1", "success 42", "finished");
        assertThat(work.runningProperty().get()).isZero();
    }

    @Test
    void untitledWorkIsNotShownInTheStatusBar() {
        BackgroundWork work = new BackgroundWork();
        List<Integer> seen = new ArrayList<>();
        BackgroundTask.wrap(() -> work.runningProperty().get())
                .onSuccess(seen::add)
                .executeWith(new CurrentThreadTaskExecutor(), UiThread.direct(), work);
        assertThat(seen).containsExactly(0);
    }

    @Test
    void failureGetsTheOriginalException() {
        BackgroundWork work = new BackgroundWork();
        List<Throwable> failures = new ArrayList<>();
        BackgroundTask.wrap(() -> {
                    throw new IllegalStateException("boom");
                })
                .onSuccess(v -> failures.add(null))
                .onFailure(failures::add)
                .executeWith(new CurrentThreadTaskExecutor(), UiThread.direct(), work);
        assertThat(failures).hasSize(1);
        assertThat(failures.get(0)).isInstanceOf(IllegalStateException.class).hasMessage("boom");
        assertThat(work.runningProperty().get()).isZero();
    }

    @Test
    void thePoolRunsWorkOffTheCallingThread() throws Exception {
        try (FxTaskExecutor executor = new FxTaskExecutor(2)) {
            CountDownLatch done = new CountDownLatch(1);
            List<String> threads = new ArrayList<>();
            BackgroundTask.wrap(() -> Thread.currentThread().getName())
                    .onSuccess(name -> {
                        threads.add(name);
                        done.countDown();
                    })
                    .executeWith(executor, UiThread.direct(), new BackgroundWork());
            assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
            assertThat(threads.get(0)).startsWith("ui-task-").isNotEqualTo(Thread.currentThread().getName());
        }
    }
}
