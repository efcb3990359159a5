package io.streamdesk.service.alarms;

/** An external way out for alarm messages (webhook, email); the in-app list and desktop notices are not counted. */
public interface DeliveryChannel {

    /** "webhook" or "email". */
    String name();

    /** Whether the rule asks for this channel. */
    boolean wanted(AlarmMessage message);

    /** The target shown in the delivery log (URL or address, never a secret). */
    String target(AlarmMessage message);

    /** Delivers, retrying as the channel does; answers the attempts used or throws when it gave up. */
    int deliver(AlarmMessage message) throws DeliveryException;

    final class DeliveryException extends Exception {
        private final int attempts;

        public DeliveryException(String message, int attempts, Throwable cause) {
            super(message, cause);
            this.attempts = attempts;
        }

        public int attempts() {
            return attempts;
        }
    }
}
