package io.streamdesk.model;

import java.time.Instant;

/** A failed operation's visible warning (J4): what went wrong and what to try. */
public record JobWarning(String operation, String message, String suggestedFix, Instant at) {
}
