package io.streamdesk.service.alarms;

import io.streamdesk.model.AlarmNotification;
import io.streamdesk.model.AlarmRule;
import io.streamdesk.model.EventKind;
import io.streamdesk.model.JobEvent;
import io.streamdesk.model.Severity;
import io.streamdesk.service.port.AlarmStore;
import io.streamdesk.service.port.EventStore;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * AL3 delivery of one alarm state change: the in-app list (and an ALARM_* event on the timeline), desktop
 * listeners, then the external channels on {@code deliveryExecutor} (they retry with back-off), within the budget
 * of {@link #DAILY_LIMIT} external messages per 24 h.
 */
public final class AlarmNotifier {
    public static final int DAILY_LIMIT = 1_000;

    private final AlarmStore store;
    private final EventStore events;
    private final List<DeliveryChannel> channels;
    private final Executor deliveryExecutor;
    private final Clock clock;
    private final List<Consumer<AlarmNotification>> desktop = new CopyOnWriteArrayList<>();

    public AlarmNotifier(AlarmStore store, EventStore events, List<DeliveryChannel> channels, Executor deliveryExecutor,
                         Clock clock) {
        this.store = store;
        this.events = events;
        this.channels = List.copyOf(channels);
        this.deliveryExecutor = deliveryExecutor;
        this.clock = clock;
    }

    public void addDesktopListener(Consumer<AlarmNotification> listener) {
        desktop.add(listener);
    }

    /** External messages in the last 24 h (the visible counter). */
    public int sentLast24h() {
        return store.deliveriesSince(clock.instant().minus(Duration.ofHours(24)));
    }

    public AlarmNotification notify(AlarmRule rule, AlarmNotification change, com.fasterxml.jackson.databind.node.ObjectNode json) {
        AlarmNotification stored = store.addNotification(change);
        boolean triggered = change.state() == AlarmNotification.State.TRIGGERED;
        events.add(new JobEvent(0, change.jobId(), 0, triggered ? EventKind.ALARM_TRIGGERED : EventKind.ALARM_CLEARED,
                change.at(), "Alarm '" + rule.name() + "' " + (triggered ? "triggered" : "cleared") + ": " + change.message(),
                triggered ? Severity.CRITICAL : Severity.INFO, "", "", null));
        if (rule.channels().desktop()) {
            for (Consumer<AlarmNotification> l : desktop) {
                try {
                    l.accept(stored);
                } catch (RuntimeException e) {
                    // the UI is gone or busy; the in-app list still has it
                }
            }
        }
        json.put("alarm", rule.name());
        json.put("alarmState", change.state().name());
        json.put("alarmMessage", change.message());
        AlarmMessage message = new AlarmMessage(rule, stored, json);
        for (DeliveryChannel channel : channels) {
            if (channel.wanted(message)) {
                deliveryExecutor.execute(() -> deliver(channel, message));
            }
        }
        return stored;
    }

    private void deliver(DeliveryChannel channel, AlarmMessage message) {
        Instant now = clock.instant();
        synchronized (this) {
            if (sentLast24h() >= DAILY_LIMIT) {
                store.addDelivery(now, channel.name(), channel.target(message), "DROPPED", 0,
                        "Daily limit of " + DAILY_LIMIT + " messages reached");
                return;
            }
            // reserve the slot before the (slow) delivery so parallel deliveries cannot overshoot
            store.addDelivery(now, channel.name(), channel.target(message), "QUEUED", 0, message.subject());
        }
        try {
            int attempts = channel.deliver(message);
            store.addDelivery(clock.instant(), channel.name(), channel.target(message), "SENT", attempts, message.subject());
        } catch (DeliveryChannel.DeliveryException e) {
            store.addDelivery(clock.instant(), channel.name(), channel.target(message), "FAILED", e.attempts(),
                    String.valueOf(e.getMessage()));
        } catch (RuntimeException e) {
            store.addDelivery(clock.instant(), channel.name(), channel.target(message), "FAILED", 1, e.toString());
        }
    }
}
