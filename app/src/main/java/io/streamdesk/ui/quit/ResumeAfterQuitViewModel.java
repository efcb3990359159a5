package io.streamdesk.ui.quit;

import io.streamdesk.service.Services;
import io.streamdesk.service.QuitResumeOffer;
import io.streamdesk.service.RestoreChoice;
import io.streamdesk.service.jobconfig.VersionRunService;
import io.streamdesk.ui.Formats;
import io.streamdesk.ui.task.BackgroundTask;
import io.streamdesk.ui.task.UiContext;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.List;

/**
 * The offer on start to resume the jobs stopped with a savepoint when the app last quit: one row per job (checked),
 * "Resume" runs each checked one through the normal run path (the CU and state checks of a run) restoring from
 * that savepoint; "Not now" leaves them Stopped (the offer comes again on the next start while they stay so).
 */
public final class ResumeAfterQuitViewModel {

    /** One offered job. */
    public static final class Row {
        private final QuitResumeOffer offer;
        private final BooleanProperty selected = new SimpleBooleanProperty(true);
        private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");

        Row(QuitResumeOffer offer) {
            this.offer = offer;
        }

        public QuitResumeOffer offer() {
            return offer;
        }

        public String name() {
            return offer.job().name();
        }

        /** "version 1 · savepoint of 2026-12-03 10:41 · file:/…". */
        public String detail() {
            return "version " + offer.version() + " \u00b7 savepoint of " + Formats.time(offer.savepoint().createdAt())
                    + " \u00b7 " + offer.savepoint().location();
        }

        public BooleanProperty selectedProperty() {
            return selected;
        }

        /** Empty until resumed; then "Resuming…", "Running", "Failed: …". */
        public ReadOnlyStringProperty statusProperty() {
            return status.getReadOnlyProperty();
        }
    }

    private final UiContext ctx;
    private final Services services;
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper done = new ReadOnlyBooleanWrapper(false);

    public ResumeAfterQuitViewModel(UiContext ctx, Services services, List<QuitResumeOffer> offers) {
        this.ctx = ctx;
        this.services = services;
        offers.forEach(o -> rows.add(new Row(o)));
    }

    public ObservableList<Row> rows() {
        return FXCollections.unmodifiableObservableList(rows);
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** Every checked job was resumed or failed: the dialog offers Close. */
    public ReadOnlyBooleanProperty doneProperty() {
        return done.getReadOnlyProperty();
    }

    /** Resumes the checked jobs one after another, off the UI thread. */
    public void resume() {
        List<Row> chosen = rows.stream().filter(r -> r.selectedProperty().get()).toList();
        if (chosen.isEmpty()) {
            done.set(true);
            return;
        }
        busy.set(true);
        chosen.forEach(r -> r.status.set("Resuming\u2026"));
        resumeNext(chosen, 0);
    }

    private void resumeNext(List<Row> chosen, int index) {
        if (index >= chosen.size()) {
            busy.set(false);
            done.set(true);
            return;
        }
        Row row = chosen.get(index);
        QuitResumeOffer offer = row.offer();
        BackgroundTask.wrap(() -> services.versionRuns().run(offer.job().id(), new VersionRunService.RunRequest(
                        offer.version(), RestoreChoice.path(offer.savepoint().location()),
                        VersionRunService.StopFirst.DO_NOT_STOP, false)))
                .titled("Resuming " + offer.job().name())
                .onSuccess(job -> {
                    row.status.set(job.status().name().charAt(0) + job.status().name().substring(1).toLowerCase());
                    resumeNext(chosen, index + 1);
                })
                .onFailure(e -> {
                    row.status.set("Failed: " + e.getMessage());
                    resumeNext(chosen, index + 1);
                })
                .executeWith(ctx);
    }

    /**
     * Looks for offers off the UI thread and hands them to {@code show} when there are any.
     */
    public static void lookUp(UiContext ctx, Services services, java.util.function.Consumer<List<QuitResumeOffer>> show) {
        BackgroundTask.wrap(() -> services.runs().quitResumeOffers())
                .onSuccess(offers -> {
                    if (!offers.isEmpty()) {
                        show.accept(offers);
                    }
                })
                .onFailure(e -> services.problems().report("Looking for jobs stopped at quit", e))
                .executeWith(ctx);
    }
}
