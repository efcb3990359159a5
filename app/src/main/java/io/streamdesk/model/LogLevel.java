package io.streamdesk.model;

/** A job's log level (P6). */
public enum LogLevel {
    DEBUG, INFO, WARN, ERROR
}
