package io.streamdesk.ui.alarms;

import io.streamdesk.model.SmtpSettings.Security;
import io.streamdesk.model.SmtpSettings;
import io.streamdesk.service.alarms.SmtpSettingsService;
import io.streamdesk.ui.task.BackgroundTask;
import io.streamdesk.ui.task.UiContext;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * The SMTP settings dialog of alarm email (AL3): host, port, security, user, password (only "set / not set" is shown;
 * typing replaces it), from address; save and "Send test email" run off the UI thread.
 */
public final class SmtpSettingsViewModel {
    private final Supplier<SmtpSettingsService> smtp;
    private final UiContext ctx;
    public final StringProperty host = new SimpleStringProperty("");
    public final StringProperty port = new SimpleStringProperty("587");
    public final ObjectProperty<Security> security = new SimpleObjectProperty<>(Security.STARTTLS);
    public final StringProperty user = new SimpleStringProperty("");
    public final StringProperty newPassword = new SimpleStringProperty("");
    public final StringProperty from = new SimpleStringProperty("");
    public final StringProperty testTo = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper passwordState = new ReadOnlyStringWrapper("Password: not set");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper statusIsError = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private boolean passwordSet;

    public SmtpSettingsViewModel(Supplier<SmtpSettingsService> smtp, UiContext ctx) {
        this.smtp = smtp;
        this.ctx = ctx;
        // the usual port follows the security until the user types another one
        security.addListener((o, old, now) -> {
            if (old != null && now != null && port.get().strip().equals(Integer.toString(usualPort(old)))) {
                port.set(Integer.toString(usualPort(now)));
            }
        });
    }

    static int usualPort(Security s) {
        return switch (s) {
            case NONE -> 25;
            case STARTTLS -> 587;
            case SSL -> 465;
        };
    }

    public ReadOnlyStringProperty passwordStateProperty() {
        return passwordState.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty statusIsErrorProperty() {
        return statusIsError.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    private record Loaded(Optional<SmtpSettings> settings, boolean passwordSet) {
    }

    public void load() {
        SmtpSettingsService s = smtp.get();
        if (s == null) {
            show(false, "Email settings are not available.");
            return;
        }
        BackgroundTask.wrap(() -> new Loaded(s.current(), s.passwordSet()))
                .titled("Reading the SMTP settings")
                .onSuccess((Loaded l) -> {
                    l.settings().ifPresent(c -> {
                        host.set(c.host());
                        security.set(c.security());
                        port.set(Integer.toString(c.port()));
                        user.set(c.username() == null ? "" : c.username());
                        from.set(c.from());
                    });
                    passwordSet = l.passwordSet();
                    newPassword.set("");
                    updatePasswordState();
                    show(false, l.settings().isPresent() ? "" : "No SMTP server yet: alarm email is not sent until one is saved.");
                })
                .onFailure(e -> show(true, "Could not read the SMTP settings: " + e.getMessage()))
                .executeWith(ctx);
    }

    private void updatePasswordState() {
        passwordState.set(passwordSet ? "Password: set (type a new one to replace it)" : "Password: not set");
    }

    private SmtpSettingsService.Form form() {
        return new SmtpSettingsService.Form(host.get(), port.get(), security.get(), user.get(), newPassword.get(), from.get());
    }

    /** Saves; {@code onSaved} runs on the UI thread after the settings are stored. */
    public void save(Runnable onSaved) {
        SmtpSettingsService s = smtp.get();
        if (s == null) {
            return;
        }
        SmtpSettingsService.Form f = form();
        busy.set(true);
        BackgroundTask.wrap(() -> s.save(f))
                .titled("Saving the SMTP settings")
                .onSuccess(saved -> {
                    busy.set(false);
                    passwordSet = saved.passwordSecretId() != null;
                    newPassword.set("");
                    updatePasswordState();
                    show(false, "Saved.");
                    onSaved.run();
                })
                .onFailure(e -> {
                    busy.set(false);
                    show(true, e.getMessage());
                })
                .executeWith(ctx);
    }

    /** Sends a test email with the settings as typed to {@link #testTo}; reports success or the server's error. */
    public void sendTest() {
        SmtpSettingsService s = smtp.get();
        if (s == null) {
            return;
        }
        SmtpSettingsService.Form f = form();
        String to = testTo.get().isBlank() ? from.get() : testTo.get();
        busy.set(true);
        show(false, "Sending a test email to " + to + "…");
        BackgroundTask.wrap(() -> s.sendTest(f, to))
                .titled("Sending a test email")
                .onSuccess(done -> {
                    busy.set(false);
                    show(false, done);
                })
                .onFailure(e -> {
                    busy.set(false);
                    show(true, e.getMessage());
                })
                .executeWith(ctx);
    }

    private void show(boolean error, String text) {
        statusIsError.set(error);
        status.set(text);
    }
}
